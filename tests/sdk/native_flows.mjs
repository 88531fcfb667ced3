// Native (api) registration, login, whoami, logout and verification by code
// against `otpctl serve`, with Ory's official SDK (@ory/kratos-client),
// unchanged. Every answer, success or Kratos error, is checked against the
// SDK's own model for it (models.mjs). Codes are read through the admin API,
// as an end-to-end test reads them.
//
// Usage: node native_flows.mjs PUBLIC_URL ADMIN_URL
import assert from "node:assert/strict";
import { Configuration, CourierApi, FrontendApi, IdentityApi } from "@ory/kratos-client";
import { expectModel } from "./models.mjs";

const [publicUrl, adminUrl] = process.argv.slice(2);
assert.ok(publicUrl && adminUrl, "usage: node native_flows.mjs PUBLIC_URL ADMIN_URL");
const frontend = new FrontendApi(new Configuration({ basePath: publicUrl }));
const identities = new IdentityApi(new Configuration({ basePath: adminUrl }));
const courier = new CourierApi(new Configuration({ basePath: adminUrl }));

let checks = 0;
function model(name, value, what) {
  expectModel(name, value, what);
  checks += 1;
  return value;
}

/** The SDK throws on 4xx; the body is the flow or error to show. */
async function refused(promise, status, name, what) {
  try {
    const response = await promise;
    throw new Error(`${what}: expected HTTP ${status}, got ${response.status}`);
  } catch (error) {
    if (!error.response) throw error;
    assert.equal(error.response.status, status, `${what}: ${JSON.stringify(error.response.data)}`);
    return model(name, error.response.data, what);
  }
}

/** The newest code sent to `recipient`, from the admin API. */
async function codeFor(recipient, notThis) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { data } = await courier.listCourierMessages({ recipient });
    data.forEach((message, i) => model("Message", message, `courier message ${i}`));
    const code = data.map((m) => /\b(\d{6})\b/.exec(m.body)?.[1]).find(Boolean);
    if (code && code !== notThis) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code was sent to ${recipient}`);
}

const messageIds = (flow) => flow.ui.messages?.map((m) => m.id) ?? [];
const email = `sdk-${Date.now()}@example.com`;

// Registration: create, send the code (400 with the flow), submit it (200).
const registration = model("RegistrationFlow", (await frontend.createNativeRegistrationFlow()).data, "new registration flow");
assert.equal(registration.type, "api");
const sent = await refused(
  frontend.updateRegistrationFlow({
    flow: registration.id,
    updateRegistrationFlowBody: { method: "code", traits: { email } },
  }),
  400, "RegistrationFlow", "registration: code sent");
assert.equal(sent.state, "sent_email");
assert.deepEqual(messageIds(sent), [1040005]);
const registered = model("SuccessfulNativeRegistration", (await frontend.updateRegistrationFlow({
  flow: registration.id,
  updateRegistrationFlowBody: { method: "code", traits: { email }, code: await codeFor(email) },
})).data, "registration: code submitted");
assert.equal(registered.identity.traits.email, email);
const identityId = registered.identity.id;

// Login: a wrong code first (400, 4010008), then the right one (200).
const login = model("LoginFlow", (await frontend.createNativeLoginFlow()).data, "new login flow");
const registrationCode = await codeFor(email);
const loginSent = await refused(
  frontend.updateLoginFlow({ flow: login.id, updateLoginFlowBody: { method: "code", identifier: email } }),
  400, "LoginFlow", "login: code sent");
assert.equal(loginSent.state, "sent_email");
assert.deepEqual(messageIds(loginSent), [1010014]);
const loginCode = await codeFor(email, registrationCode);
const wrong = await refused(
  frontend.updateLoginFlow({ flow: login.id, updateLoginFlowBody: { method: "code", identifier: email, code: loginCode === "000000" ? "111111" : "000000" } }),
  400, "LoginFlow", "login: wrong code");
assert.deepEqual(messageIds(wrong), [4010008]);
const fetched = model("LoginFlow", (await frontend.getLoginFlow({ id: login.id })).data, "login flow fetched");
assert.deepEqual(messageIds(fetched), [4010008], "the flow keeps the last answer's message");
const loggedIn = model("SuccessfulNativeLogin", (await frontend.updateLoginFlow({
  flow: login.id,
  updateLoginFlowBody: { method: "code", identifier: email, code: loginCode },
})).data, "login: code submitted");
assert.match(loggedIn.session_token, /^ory_st_[A-Za-z0-9]{32}$/);

// whoami by token header, then logout, then whoami refused (401).
const session = model("Session", (await frontend.toSession({ xSessionToken: loggedIn.session_token })).data, "whoami");
assert.equal(session.identity.id, identityId);
assert.equal(session.active, true);
const logout = await frontend.performNativeLogout({ performNativeLogoutBody: { session_token: loggedIn.session_token } });
assert.equal(logout.status, 204);
const inactive = await refused(frontend.toSession({ xSessionToken: loggedIn.session_token }), 401, "ErrorGeneric", "whoami after logout");
assert.equal(inactive.error.id, "session_inactive");
await refused(
  frontend.performNativeLogout({ performNativeLogoutBody: { session_token: "ory_st_unknown" } }),
  403, "ErrorGeneric", "logout with an unknown token");

// Browser logout with the registration's session in the cookie: the logout
// flow (LogoutFlow), a wrong token refused (403) with the session kept, then
// the logout URL (204 for a JSON client) ends that session.
assert.match(registered.session_token, /^ory_st_/);
const cookie = `ory_kratos_session=${registered.session_token}`;
const logoutFlow = model("LogoutFlow", (await frontend.createBrowserLogoutFlow({ cookie })).data, "browser logout flow");
assert.match(logoutFlow.logout_token, /^ory_lo_/);
assert.ok(logoutFlow.logout_url.endsWith(`/self-service/logout?token=${logoutFlow.logout_token}`), logoutFlow.logout_url);
await refused(frontend.updateLogoutFlow({ token: "ory_lo_forged", cookie }), 403, "ErrorGeneric", "browser logout with a wrong token");
model("Session", (await frontend.toSession({ xSessionToken: registered.session_token })).data, "whoami after a refused logout");
const loggedOut = await frontend.updateLogoutFlow({ token: logoutFlow.logout_token, cookie });
assert.equal(loggedOut.status, 204);
await refused(frontend.toSession({ xSessionToken: registered.session_token }), 401, "ErrorGeneric", "whoami after browser logout");

// The error flow's endpoint (getFlowError): Kratos' stub error, and 404 for an unknown id.
const stub = model("FlowError", (await frontend.getFlowError({ id: "stub:500" })).data, "the stub error");
assert.equal(stub.error.code, 500);
await refused(frontend.getFlowError({ id: "01a2517e-0000-7000-8000-000000000000" }), 404, "ErrorGeneric", "an unknown error");

// Verification: send (200, sent_email), submit (200, passed_challenge).
const verification = model("VerificationFlow", (await frontend.createNativeVerificationFlow()).data, "new verification flow");
const verificationSent = model("VerificationFlow", (await frontend.updateVerificationFlow({
  flow: verification.id,
  updateVerificationFlowBody: { method: "code", email },
})).data, "verification: code sent");
assert.equal(verificationSent.state, "sent_email");
const verifyCode = await codeFor(email, loginCode);
const verified = model("VerificationFlow", (await frontend.updateVerificationFlow({
  flow: verification.id,
  updateVerificationFlowBody: { method: "code", code: verifyCode },
})).data, "verification: code submitted");
assert.equal(verified.state, "passed_challenge");
assert.deepEqual(messageIds(verified), [1080002]);

// Admin API: the identity with its verified address, its sessions, schemas.
const identity = model("Identity", (await identities.getIdentity({ id: identityId })).data, "admin: identity");
assert.equal(identity.verifiable_addresses[0].verified, true);
const kept = model("Identity", (await identities.updateIdentity({
  id: identityId,
  updateIdentityBody: { schema_id: identity.schema_id, state: "active", traits: { email }, metadata_public: { plan: "pro" } },
})).data, "admin: identity updated with the same address");
assert.equal(kept.verifiable_addresses[0].verified, true, "an address the update keeps stays verified");
assert.equal(kept.verifiable_addresses[0].id, identity.verifiable_addresses[0].id);
assert.deepEqual(kept.metadata_public, { plan: "pro" });
// metadata_admin: kept and shown by the admin API (its sessions too), never in
// a session's identity; a JSON Patch changes it.
const withAdmin = model("Identity", (await identities.patchIdentity({
  id: identityId,
  jsonPatch: [{ op: "add", path: "/metadata_admin", value: { role: "support" } }],
})).data, "admin: metadata_admin patched in");
assert.deepEqual(withAdmin.metadata_admin, { role: "support" });
assert.deepEqual(withAdmin.metadata_public, { plan: "pro" });
assert.deepEqual((await identities.getIdentity({ id: identityId })).data.metadata_admin, { role: "support" });
const adminSessions = (await identities.listIdentitySessions({ id: identityId })).data;
assert.deepEqual(adminSessions[0].identity.metadata_admin, { role: "support" });
const again = (await frontend.updateLoginFlow({
  flow: (await frontend.createNativeLoginFlow()).data.id,
  updateLoginFlowBody: { method: "code", identifier: email },
}).catch((e) => e.response)).data;
const againCode = await codeFor(email, verifyCode);
const relogged = model("SuccessfulNativeLogin", (await frontend.updateLoginFlow({
  flow: again.id,
  updateLoginFlowBody: { method: "code", identifier: email, code: againCode },
})).data, "login again");
assert.equal(relogged.session.identity.metadata_admin, undefined, "a login's session hides metadata_admin");
const whoami = (await frontend.toSession({ xSessionToken: relogged.session_token })).data;
assert.equal(whoami.identity.metadata_admin, undefined, "whoami hides metadata_admin");
assert.deepEqual(whoami.identity.metadata_public, { plan: "pro" });
const found = (await identities.listIdentities({ credentialsIdentifier: email })).data;
found.forEach((item) => model("Identity", item, "admin: identity by identifier"));
assert.deepEqual(found.map((i) => i.id), [identityId]);
const sessions = (await identities.listIdentitySessions({ id: identityId })).data;
sessions.forEach((item) => model("Session", item, "admin: sessions"));
assert.ok(sessions.length >= 1);
const schemas = (await identities.listIdentitySchemas()).data;
schemas.forEach((item) => model("IdentitySchemaContainer", item, "schemas"));
const schema = (await identities.getIdentitySchema({ id: schemas[0].id })).data;
assert.equal(typeof schema, "object");
const messages = (await courier.listCourierMessages({ status: "queued" })).data;
const message = model("Message", (await courier.getCourierMessage({ id: messages[0].id })).data, "admin: courier message");
assert.ok(Array.isArray(message.dispatches) || message.dispatches === undefined);

// Kratos' errors: an unknown flow is 404, a completed one refused.
await refused(frontend.getLoginFlow({ id: "00000000-0000-4000-8000-000000000000" }), 404, "ErrorGeneric", "unknown flow");
const created = model("Identity", (await identities.createIdentity({
  createIdentityBody: { schema_id: identity.schema_id, traits: { email: `admin-${email}` } },
})).data, "admin: created identity");
await refused(identities.createIdentity({
  createIdentityBody: { schema_id: identity.schema_id, traits: { email: `admin-${email}` } },
}), 409, "ErrorGeneric", "admin: duplicate identity");
const updated = model("Identity", (await identities.updateIdentity({
  id: created.id,
  updateIdentityBody: { schema_id: identity.schema_id, state: "inactive", traits: { email: `renamed-${email}` } },
})).data, "admin: updated identity");
assert.equal(updated.state, "inactive");
assert.equal(updated.traits.email, `renamed-${email}`);
assert.equal(updated.verifiable_addresses[0].value, `renamed-${email}`);
const patched = model("Identity", (await identities.patchIdentity({
  id: created.id,
  jsonPatch: [{ op: "replace", path: "/state", value: "active" }],
})).data, "admin: patched identity");
assert.equal(patched.state, "active");
await refused(identities.patchIdentity({ id: created.id, jsonPatch: [{ op: "replace", path: "/id", value: "x" }] }),
  400, "ErrorGeneric", "admin: a patch that changes the id");
await refused(identities.updateIdentity({
  id: created.id,
  updateIdentityBody: { schema_id: identity.schema_id, state: "active", traits: { email } },
}), 409, "ErrorGeneric", "admin: an update onto another identity's address");
assert.equal((await identities.deleteIdentity({ id: created.id })).status, 204);
await refused(identities.getIdentity({ id: created.id }), 404, "ErrorGeneric", "admin: deleted identity");

console.log(JSON.stringify({ ok: true, checks }));
