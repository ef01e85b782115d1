"""Schemathesis checks for Bishop's GraphQL API (loaded through SCHEMATHESIS_HOOKS).

Schemathesis' own `not_a_server_error` counts every GraphQL error as a server error, but
Bishop answers bad input with coded errors (VALIDATION, NOT_FOUND, ...) by design. What must
never happen is a 5xx or an error whose code is INTERNAL: that is what this check fails on.
"""

import json

import schemathesis


@schemathesis.check
def no_internal_error(ctx, response, case):
    """Fail on a 5xx answer or a GraphQL error with extensions.code INTERNAL."""
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}: {response.text[:300]}")
    try:
        body = json.loads(response.text)
    except ValueError as error:
        raise AssertionError(f"the answer is not JSON: {response.text[:300]}") from error
    for error in (body.get("errors") or []) if isinstance(body, dict) else []:
        code = (error.get("extensions") or {}).get("code")
        if code == "INTERNAL" or not code:
            raise AssertionError(f"error without a client code ({code}): {json.dumps(error)[:300]}")
