// The model check (models.mjs) must refuse what the SDK's models refuse:
// each broken copy of a valid flow below has to throw.
import assert from "node:assert/strict";
import { expectModel } from "./models.mjs";

const flow = {
  id: "01a250e1-c67e-76de-a191-157fe640780e",
  type: "api",
  expires_at: "2026-12-07T15:21:43.422Z",
  issued_at: "2026-12-07T14:21:43.422Z",
  request_url: "http://127.0.0.1:4433/self-service/login/api",
  state: "choose_method",
  ui: {
    action: "http://127.0.0.1:4433/self-service/login?flow=01a250e1-c67e-76de-a191-157fe640780e",
    method: "POST",
    nodes: [{
      type: "input", group: "code",
      attributes: { name: "identifier", type: "text", disabled: false, node_type: "input" },
      messages: [], meta: {},
    }],
  },
};
expectModel("LoginFlow", flow, "a valid flow");

const broken = {
  "a required field missing": (f) => { delete f.state; },
  "a node type outside the enum": (f) => { f.ui.nodes[0].type = "button"; },
  "a group outside the enum": (f) => { f.ui.nodes[0].group = "sms"; },
  "node attributes without node_type": (f) => { delete f.ui.nodes[0].attributes.node_type; },
  "a number where a string goes": (f) => { f.request_url = 4; },
  "node messages missing": (f) => { delete f.ui.nodes[0].messages; },
  "a time that is not RFC 3339": (f) => { f.expires_at = "1765120903"; },
  "an id that is not a UUID": (f) => { f.id = "flow-1"; },
};
let refused = 0;
for (const [what, breakIt] of Object.entries(broken)) {
  const copy = structuredClone(flow);
  breakIt(copy);
  assert.throws(() => expectModel("LoginFlow", copy, what), undefined, `not refused: ${what}`);
  refused += 1;
}
console.log(JSON.stringify({ ok: true, refused }));
