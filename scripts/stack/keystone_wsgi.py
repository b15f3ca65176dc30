"""Keystone's public WSGI app for gunicorn (threaded workers serve tests in parallel).

Keystone parses sys.argv with oslo.config; gunicorn's own flags must not reach it.
"""
import sys

from keystone.server.wsgi import initialize_public_application

sys.argv = sys.argv[:1]
application = initialize_public_application()
