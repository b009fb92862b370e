## The JSON API's problem reports. The API answers programs, in British English only.

api-nothing-here = There is nothing at this address.
api-nothing-with-id = There is nothing with that id.
api-no-organisation-you-see = There is no organisation with that id that you can see.
api-token-not-valid = The API token is not valid: it may have been revoked. Create a new one on your account page.
api-ids-are-whole-numbers = There is nothing at this address: ids are whole numbers above 0.
api-not-an-id = "{ $given }" is not an id: ids are whole numbers above 0.
api-no-activity = There is no activity with that id.
api-send-json = Send the body as JSON, with the header Content-Type: application/json.
api-body-too-large = The body is larger than { $max } bytes.
api-body-unreadable = The body could not be read: { $why }
api-body-not-json = The body is not valid JSON: { $why }.
api-body-not-object = The body must be a JSON object.
api-query-not-acceptable = The query string is not acceptable: { $why }
api-no-template = There is no built-in template "{ $key }".
api-sign-in = Sign in, or send an API token as `Authorization: Bearer ...`.
api-role-does-not-allow = Your role does not allow this.
api-fields-not-acceptable =
    { $n ->
        [one] 1 field is not acceptable: see errors
       *[other] { $n } fields are not acceptable: see errors
    }
api-internal = Something went wrong on our side. If it happens again, quote reference { $reference }.
api-no-policy-in-force = The organisation has no recognition policy in force on { $date }.
