#!/usr/bin/env python3
"""Serves FOLDER on 127.0.0.1 as a plain web server does for a p2 repository: ETag and Last-Modified,
Range with If-Range (206 from the offset when the validator matches, else the whole entity), 404 for
what is not there. Files larger than 100 kB are sent at RATE bytes per second. Prints the port on its
first line, then one line per request, as the test reads it back:
  GET /path status=206 range=bytes=N- if-range="etag" agent=USER-AGENT
and, when a body ends (sent whole or cut off), SENT /path bytes=N.
Usage: throttled-server.py FOLDER RATE"""
import email.utils, http.server, os, sys, time

folder, rate = sys.argv[1], int(sys.argv[2])
CHUNK = 16384


class Throttled(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def do_HEAD(self):
        self.answer(send_body=False)

    def do_GET(self):
        self.answer(send_body=True)

    def answer(self, send_body):
        path = os.path.join(folder, self.path.split('?')[0].lstrip('/'))
        if not os.path.isfile(path):
            self.log_request_line(404)
            self.send_response(404)
            self.send_header('Content-Length', '0')
            self.end_headers()
            return
        stat = os.stat(path)
        etag = '"%x-%x"' % (stat.st_size, int(stat.st_mtime))
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        start, status = 0, 200
        asked = self.headers.get('Range', '')
        if_range = self.headers.get('If-Range')
        if asked.startswith('bytes=') and asked.endswith('-') and (if_range is None or if_range in (etag, modified)):
            start, status = int(asked[len('bytes='):-1]), 206
        self.log_request_line(status)
        self.send_response(status)
        self.send_header('ETag', etag)
        self.send_header('Last-Modified', modified)
        self.send_header('Accept-Ranges', 'bytes')
        self.send_header('Content-Length', str(stat.st_size - start))
        if status == 206:
            self.send_header('Content-Range', 'bytes %d-%d/%d' % (start, stat.st_size - 1, stat.st_size))
        self.end_headers()
        if not send_body:
            return
        throttled = stat.st_size > 100_000
        sent = 0
        try:
            with open(path, 'rb') as data:
                data.seek(start)
                while chunk := data.read(CHUNK):
                    self.wfile.write(chunk)
                    sent += len(chunk)
                    if throttled:
                        time.sleep(len(chunk) / rate)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away (the test kills it); SENT says how far it got
        finally:
            print('SENT %s bytes=%d' % (self.path, sent), flush=True)

    def log_request_line(self, status):
        print('%s %s status=%d range=%s if-range=%s agent=%s' % (
            self.command, self.path, status, self.headers.get('Range', '-'), self.headers.get('If-Range', '-'),
            self.headers.get('User-Agent', '-')), flush=True)

    def log_message(self, *arguments):
        pass  # one line per request, above


server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Throttled)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
