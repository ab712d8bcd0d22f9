def handler(event, context):
    return {"invoked_with": event}
