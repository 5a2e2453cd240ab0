@echo off
rem Starts the bgtransfer workbench from this folder (Windows; the product has no native launcher).
rem Needs Java 21 or newer: JAVA_HOME's, else the java on the PATH. BGTRANSFER_VM_ARGS adds JVM
rem options, e.g. -Dsome.property=value; arguments go to the workbench (-data FOLDER picks another
rem workspace, else it is %LOCALAPPDATA%\bgtransfer\workspace).
setlocal EnableExtensions
set "here=%~dp0"
set "here=%here:~0,-1%"

set "java="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "java=%JAVA_HOME%\bin\java.exe"
if not defined java for /f "delims=" %%j in ('where java.exe 2^>nul') do if not defined java set "java=%%j"
if not defined java (
  echo bgtransfer needs Java 21 or newer: install one, or set JAVA_HOME to it. 1>&2
  exit /b 2
)

rem the major version from java.specification.version (8 for 1.8)
set "version=0"
rem ("call" first: cmd /c would strip the quotes of a command line that starts with one)
for /f "tokens=2 delims==" %%v in ('call "%java%" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version ="') do set "version=%%v"
set "version=%version: =%"
if "%version:~0,2%"=="1." set "version=%version:~2%"
for /f "tokens=1 delims=." %%m in ("%version%") do set "major=%%m"
if %major% LSS 21 (
  echo bgtransfer needs Java 21 or newer; "%java%" is Java %major%: install a newer one, or set JAVA_HOME to it. 1>&2
  exit /b 2
)

set "launcher="
for %%l in ("%here%\plugins\org.eclipse.equinox.launcher_*.jar") do set "launcher=%%~fl"
if not defined launcher (
  echo bgtransfer: "%here%" holds no plugins\org.eclipse.equinox.launcher_*.jar; unpack the whole archive again. 1>&2
  exit /b 2
)

set "data=-data"
set "workspace=%LOCALAPPDATA%\bgtransfer\workspace"
for %%a in (%*) do if /i "%%~a"=="-data" set "data="
if defined data (
  if not exist "%workspace%" mkdir "%workspace%"
  "%java%" -Xmx512m %BGTRANSFER_VM_ARGS% -jar "%launcher%" -install "%here%" -application dev.bgtransfer.app.workbench -product dev.bgtransfer.app.product -data "%workspace%" %*
) else (
  "%java%" -Xmx512m %BGTRANSFER_VM_ARGS% -jar "%launcher%" -install "%here%" -application dev.bgtransfer.app.workbench -product dev.bgtransfer.app.product %*
)
exit /b %ERRORLEVEL%
