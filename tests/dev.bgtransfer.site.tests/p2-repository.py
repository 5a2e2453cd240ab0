#!/usr/bin/env python3
"""Writes a small p2 repository for the update-site install test: for each ID:BYTES, a bundle
ID_1.0.0.jar holding BYTES of random bytes (stored, not compressed, so the artifact is that large)
and the feature group ID.feature.group that installs it, with the artifact's size and SHA-256 as p2
publishes them (download.size, download.checksum.sha-256). Prints ID<TAB>SHA-256 of each jar.
Usage: p2-repository.py FOLDER ID:BYTES..."""
import hashlib, os, sys, zipfile

folder, specs = sys.argv[1], sys.argv[2:]
os.makedirs(os.path.join(folder, 'plugins'), exist_ok=True)
VERSION = '1.0.0'
units, artifacts = [], []
for spec in specs:
    bundle, size = spec.split(':')
    jar = os.path.join(folder, 'plugins', f'{bundle}_{VERSION}.jar')
    manifest = (f'Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: {bundle}\n'
                f'Bundle-Version: {VERSION}\n')
    with zipfile.ZipFile(jar, 'w', zipfile.ZIP_STORED) as out:
        out.writestr('META-INF/MANIFEST.MF', manifest)
        out.writestr('random.bin', os.urandom(int(size)))
    data = open(jar, 'rb').read()
    sha256 = hashlib.sha256(data).hexdigest()
    print(f'{bundle}\t{sha256}')
    units.append(f"""    <unit id='{bundle}' version='{VERSION}'>
      <provides size='3'>
        <provided namespace='org.eclipse.equinox.p2.iu' name='{bundle}' version='{VERSION}'/>
        <provided namespace='osgi.bundle' name='{bundle}' version='{VERSION}'/>
        <provided namespace='org.eclipse.equinox.p2.eclipse.type' name='bundle' version='1.0.0'/>
      </provides>
      <artifacts size='1'>
        <artifact classifier='osgi.bundle' id='{bundle}' version='{VERSION}'/>
      </artifacts>
      <touchpoint id='org.eclipse.equinox.p2.osgi' version='1.0.0'/>
      <touchpointData size='1'>
        <instructions size='1'>
          <instruction key='manifest'>Bundle-SymbolicName: {bundle}&#xA;Bundle-Version: {VERSION}</instruction>
        </instructions>
      </touchpointData>
    </unit>
    <unit id='{bundle}.feature.group' version='{VERSION}' singleton='false'>
      <properties size='2'>
        <property name='org.eclipse.equinox.p2.name' value='{bundle} test feature'/>
        <property name='org.eclipse.equinox.p2.type.group' value='true'/>
      </properties>
      <provides size='1'>
        <provided namespace='org.eclipse.equinox.p2.iu' name='{bundle}.feature.group' version='{VERSION}'/>
      </provides>
      <requires size='1'>
        <required namespace='org.eclipse.equinox.p2.iu' name='{bundle}' range='[{VERSION},{VERSION}]'/>
      </requires>
      <touchpoint id='null' version='0.0.0'/>
    </unit>""")
    artifacts.append(f"""    <artifact classifier='osgi.bundle' id='{bundle}' version='{VERSION}'>
      <properties size='3'>
        <property name='artifact.size' value='{len(data)}'/>
        <property name='download.size' value='{len(data)}'/>
        <property name='download.checksum.sha-256' value='{sha256}'/>
      </properties>
    </artifact>""")

with open(os.path.join(folder, 'content.xml'), 'w') as out:
    out.write(f"""<?xml version='1.0' encoding='UTF-8'?>
<?metadataRepository version='1.2.0'?>
<repository name='bgtransfer p2 test repository' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository' version='1'>
  <units size='{len(units) * 2}'>
{chr(10).join(units)}
  </units>
</repository>
""")
with open(os.path.join(folder, 'artifacts.xml'), 'w') as out:
    out.write(f"""<?xml version='1.0' encoding='UTF-8'?>
<?artifactRepository version='1.1.0'?>
<repository name='bgtransfer p2 test repository' type='org.eclipse.equinox.p2.artifact.repository.simpleRepository' version='1'>
  <mappings size='1'>
    <rule filter='(&amp; (classifier=osgi.bundle))' output='${{repoUrl}}/plugins/${{id}}_${{version}}.jar'/>
  </mappings>
  <artifacts size='{len(artifacts)}'>
{chr(10).join(artifacts)}
  </artifacts>
</repository>
""")
