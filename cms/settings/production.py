"""Production: refuses to start without a real SECRET_KEY; security defaults stay on."""

from .base import *  # noqa: F403
from .base import SECRET_KEY
from .security import require_secret_key

DEBUG = False
SECRET_KEY = require_secret_key(SECRET_KEY)
