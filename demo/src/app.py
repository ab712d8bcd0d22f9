"""A tiny function for the demo: greets whoever the event names, in plain ASCII.

Its one dependency, text-unidecode (requirements.txt), is installed into the package by lambda_function.
"""

import os

from text_unidecode import unidecode


def handler(event, context):
    name = (event or {}).get("name", "world")
    return {"message": "%s, %s!" % (os.environ.get("GREETING", "Hello"), unidecode(name))}
