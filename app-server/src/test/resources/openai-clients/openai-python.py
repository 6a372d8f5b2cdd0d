"""Drives LocalGPT's /v1 endpoints with the official OpenAI Python SDK and prints what it saw as one JSON object.

Usage: python3 openai-python.py <base-url> <token> <rate-limited-base-url>
Each check records its result or the error the SDK raised; OpenAiPythonSdkIT asserts on the JSON.
"""

import json
import sys

import openai
from openai import OpenAI

base_url, token, limited_url = sys.argv[1:4]
client = OpenAI(base_url=base_url, api_key=token, max_retries=0)
conversation = [
    {"role": "system", "content": "Answer briefly."},
    {"role": "user", "content": "Where is the key?"},
]
tools = [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {}}}}]


def failure(e):
    out = {"name": type(e).__name__, "message": str(e), "isAPIError": isinstance(e, openai.APIError)}
    if isinstance(e, openai.APIStatusError):
        out.update(
            status=e.status_code,
            type=e.type,
            param=e.param,
            code=e.code,
            requestId=e.request_id,
            retryAfter=e.response.headers.get("retry-after"),
        )
    return out


def check(name, body, out):
    try:
        out[name] = body()
    except Exception as e:  # noqa: BLE001 - every failure is a result here
        out[name] = {"failed": failure(e)}


def completion():
    raw = client.chat.completions.with_raw_response.create(model="localgpt", messages=conversation)
    data = raw.parse()
    return {
        "id": data.id,
        "object": data.object,
        "created": data.created,
        "model": data.model,
        "systemFingerprint": data.system_fingerprint,
        "role": data.choices[0].message.role,
        "content": data.choices[0].message.content,
        "finishReason": data.choices[0].finish_reason,
        "usage": data.usage.model_dump() if hasattr(data.usage, "model_dump") else data.usage.dict(),
        "requestId": raw.headers.get("x-request-id"),
    }


def stream():
    ids, role, text, finish, usage, chunks = set(), None, "", None, None, 0
    for chunk in client.chat.completions.create(
        model="localgpt", messages=conversation, stream=True, stream_options={"include_usage": True}
    ):
        chunks += 1
        ids.add(chunk.id)
        for choice in chunk.choices:
            role = role or choice.delta.role
            text += choice.delta.content or ""
            finish = choice.finish_reason or finish
        if chunk.usage:
            usage = {"prompt_tokens": chunk.usage.prompt_tokens, "completion_tokens": chunk.usage.completion_tokens}
    return {"ids": len(ids), "role": role, "text": text, "finishReason": finish, "usage": usage, "chunks": chunks}


def models():
    return {"ids": [m.id for m in client.models.list()]}


def retrieve():
    model = client.models.retrieve("scripted/fake")
    return {"id": model.id, "object": model.object}


def with_tools():
    data = client.chat.completions.create(model="localgpt", messages=conversation, tools=tools)
    return {"content": data.choices[0].message.content, "finishReason": data.choices[0].finish_reason}


def tool_choice_required():
    client.chat.completions.create(model="localgpt", messages=conversation, tools=tools, tool_choice="required")
    return {"unexpected": "accepted"}


def bad_token():
    OpenAI(base_url=base_url, api_key="wrong-token", max_retries=0).models.list()
    return {"unexpected": "accepted"}


def bad_request():
    client.chat.completions.create(model="localgpt", messages=[{"role": "assistant", "content": "hi"}])
    return {"unexpected": "accepted"}


def unknown_model():
    client.chat.completions.create(model="nope-4", messages=conversation)
    return {"unexpected": "accepted"}


def rate_limited():
    limited = OpenAI(base_url=limited_url, api_key=token, max_retries=0)
    for _ in range(5):
        limited.models.list()
    return {"unexpected": "never limited"}


out = {"sdkVersion": openai.__version__}
check("completion", completion, out)
check("stream", stream, out)
check("models", models, out)
check("retrieve", retrieve, out)
check("tools", with_tools, out)
check("toolChoiceRequired", tool_choice_required, out)
check("badToken", bad_token, out)
check("badRequest", bad_request, out)
check("unknownModel", unknown_model, out)
check("rateLimited", rate_limited, out)
print(json.dumps(out))
