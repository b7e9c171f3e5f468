# A callback receiver for trying the mock: prints each callback (path, X-Mock-Stream, body) on one line, answers 200.
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        print(self.path, self.headers["X-Mock-Stream"], body, flush=True)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

HTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
