"""A tiny function for the demo: greets whoever the event names."""

import os


def handler(event, context):
    name = (event or {}).get("name", "world")
    return {"message": "%s, %s!" % (os.environ.get("GREETING", "Hello"), name)}
