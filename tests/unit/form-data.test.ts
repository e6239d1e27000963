// A form's FormData read into its schema's input: the same function runs in the browser (the
// check before sending) and on the server (parsing a submission), so both see the same input.
import { describe, expect, it } from "vitest";
import { errorsFor } from "@/lib/action-result";
import { formDataToInput, submittedValues } from "@/lib/form-data";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("formDataToInput", () => {
  it("keeps plain fields as strings", () => {
    expect(formDataToInput(form([["name", " Store "], ["minSample", "30"]]))).toEqual({ name: " Store ", minSample: "30" });
  });

  it("reads dotted names as the paths zod's issues name: records and lists", () => {
    const input = formDataToInput(
      form([
        ["mapId", "m1"],
        ["segmentQuotas.0.segment", "Students"],
        ["segmentQuotas.0.target", "120"],
        ["segmentQuotas.1.segment", "Retirees"],
        ["segmentQuotas.1.target", "80"],
        ["options.0.archived", "on"],
      ]),
    );
    expect(input).toEqual({
      mapId: "m1",
      segmentQuotas: [
        { segment: "Students", target: "120" },
        { segment: "Retirees", target: "80" },
      ],
      options: [{ archived: "on" }],
    });
    expect(Array.isArray(input.segmentQuotas)).toBe(true);
  });

  it("leaves out what React and Next.js add to a form sent before hydration, and files", () => {
    const input = formDataToInput(
      form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", '{"id":"abc","bound":null}'],
        ["$ACTION_KEY", "k0"],
        ["name", "Map"],
        ["upload", new Blob(["x"])],
      ]),
    );
    expect(input).toEqual({ name: "Map" });
  });

  it("ignores names that could reach an object's prototype, empty segments and huge indices", () => {
    const input = formDataToInput(
      form([
        ["__proto__.polluted", "yes"],
        ["a.constructor.prototype.polluted", "yes"],
        ["rows..x", "1"],
        ["rows.5000.x", "1"],
        ["ok", "1"],
      ]),
    );
    expect(input).toEqual({ ok: "1" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps a list a list when a name treats it as a record", () => {
    expect(formDataToInput(form([["rows.0", "a"], ["rows.x", "b"]]))).toEqual({ rows: ["a"] });
  });

  it("takes the last of repeated names", () => {
    expect(formDataToInput(form([["role", "ADMIN"], ["role", "ANALYST"]]))).toEqual({ role: "ANALYST" });
  });
});

describe("submittedValues", () => {
  it("gives the text back by field name, without passwords or the framework's keys", () => {
    expect(
      submittedValues(
        form([
          ["email", "ana@example.com"],
          ["password", "secret-secret"],
          ["newPassword", "secret-secret"],
          ["$ACTION_KEY", "k0"],
          ["segmentQuotas.0.target", "lots"],
        ]),
      ),
    ).toEqual({ email: "ana@example.com", "segmentQuotas.0.target": "lots" });
  });
});

describe("errorsFor", () => {
  const errors = { name: ["Enter a name."], "values.2": ["Too long."], values: ["Give at least two."], valueTier: ["Choose one."] };

  it("finds the messages about a field and what it holds, not about fields that merely share its start", () => {
    expect(errorsFor(errors, "name")).toEqual(["Enter a name."]);
    expect(errorsFor(errors, "values")).toEqual(["Too long.", "Give at least two."]);
    expect(errorsFor(errors, "values.2")).toEqual(["Too long."]);
    expect(errorsFor(errors, "value")).toBeUndefined();
  });

  it("tells a field checked and found fine (an empty list) from one nothing was said about", () => {
    expect(errorsFor({ name: [] }, "name")).toEqual([]);
    expect(errorsFor({}, "name")).toBeUndefined();
  });
});
