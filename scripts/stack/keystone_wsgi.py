"""Keystone's public WSGI app for gunicorn (threaded workers serve tests in parallel).

scripts/stack.sh runs: gunicorn --preload ... keystone_wsgi:application
(with OS_KEYSTONE_CONFIG_FILES pointing at .stack/etc/keystone.conf).
"""
import sys

from keystone.common.rbac_enforcer.enforcer import RBACEnforcer
from keystone.server.wsgi import initialize_public_application

# Keystone parses sys.argv with oslo.config: gunicorn's own flags must not reach it.
sys.argv = sys.argv[:1]
application = initialize_public_application()

# Keystone makes its policy enforcer on first use, and two threads doing that at once can
# meet a half-made one (AttributeError '_warning_emitted', an HTTP 500). Make it now, before
# any request; with --preload this runs once, in gunicorn's master, before the workers fork.
RBACEnforcer()._enforcer.load_rules()
