import os


def handler(event, context):
    return {"message": "hello %s%s" % (event.get("name", "world"), os.environ.get("EXTRA", ""))}
