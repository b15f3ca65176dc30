"""Keystone's public WSGI app for gunicorn (threaded workers serve tests in parallel).

scripts/stack.sh runs: gunicorn --preload ... keystone_wsgi:application
(with OS_KEYSTONE_CONFIG_FILES pointing at .stack/etc/keystone.conf).
"""
import logging
import sys
import threading

from keystone.common.rbac_enforcer.enforcer import RBACEnforcer
from keystone.server.wsgi import initialize_public_application

# Keystone parses sys.argv with oslo.config: gunicorn's own flags must not reach it.
sys.argv = sys.argv[:1]
native_create_lock = logging.Handler.createLock
application = initialize_public_application()

# oslo.log swaps the logging module's global lock for an eventlet one whenever eventlet has
# been imported (something in Keystone's dependencies imports it). Under gunicorn's native
# threads that lock cannot wake a waiter in another thread: every thread of a worker ended
# up parked in logging.getLogger() and Keystone stopped answering. Put native locks back,
# the module's and the handlers'.
logging.threading = threading
logging._lock = threading.RLock()
logging.Handler.createLock = native_create_lock
for handler_ref in list(logging._handlerList):
    handler = handler_ref()
    if handler is not None:
        handler.createLock()

# Keystone makes its policy enforcer on first use, and two threads doing that at once can
# meet a half-made one (AttributeError '_warning_emitted', an HTTP 500). Make it now, before
# any request; with --preload this runs once, in gunicorn's master, before the workers fork.
RBACEnforcer()._enforcer.load_rules()
