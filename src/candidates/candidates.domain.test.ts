import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  changedFields, checkCv, consentEmployerVersion, consentShownTo, consentText, consentVersion, cvMaxBytes, locationFrom, retention, retentionStep, safeFileName,
} from "./candidates.domain.ts";

const day = 86_400_000;
const at = (iso: string) => new Date(iso);

describe("CV checks", () => {
  it("accepts a PDF by its first bytes, whatever its name", () => {
    assert.equal(checkCv(Buffer.from("%PDF-1.7\n...")), "ok");
  });
  it("refuses an empty file, a file over 5 MB and anything that does not start with %PDF-", () => {
    assert.equal(checkCv(Buffer.alloc(0)), "empty");
    const big = Buffer.alloc(cvMaxBytes + 1, 0x20);
    big.write("%PDF-1.4");
    assert.equal(checkCv(big), "too_large");
    const exactly = Buffer.alloc(cvMaxBytes, 0x20);
    exactly.write("%PDF-1.4");
    assert.equal(checkCv(exactly), "ok", "5 MB exactly is allowed");
    assert.equal(checkCv(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), "not_pdf"); // PNG
    assert.equal(checkCv(Buffer.from("PK\u0003\u0004 docx")), "not_pdf");
    assert.equal(checkCv(Buffer.from("%PD")), "not_pdf");
    assert.equal(checkCv(new Uint8Array(Buffer.from("xx%PDF-1.4")).subarray(2)), "ok", "reads from the view's offset");
  });
  it("keeps a safe file name ending in .pdf", () => {
    assert.equal(safeFileName("C:\\Users\\moi\\CV Léa.pdf"), "CV Léa.pdf");
    assert.equal(safeFileName("../../etc/passwd"), "passwd.pdf");
    assert.equal(safeFileName('cv"; evil=.pdf'), "cv__ evil_.pdf");
    assert.equal(safeFileName(undefined), "cv.pdf");
    assert.equal(safeFileName("   "), "cv.pdf");
  });
});

describe("changed fields", () => {
  it("lists only the fields whose value differs, comparing arrays and objects by value", () => {
    const before = { firstName: "Léa", barriers: ["sante"], languages: [{ name: "Arabe", level: "native" }], phone: null as string | null };
    assert.deepEqual(changedFields(before, { firstName: "Léa", barriers: ["sante"], languages: [{ name: "Arabe", level: "native" }] }), []);
    assert.deepEqual(changedFields(before, { firstName: "Lea", barriers: ["sante", "mobilite"], phone: undefined }), ["firstName", "barriers"]);
    assert.deepEqual(changedFields(before, { phone: "0601020304" }), ["phone"]);
  });
});

describe("location", () => {
  const match = { ok: true as const, label: "3 Rue X 75020 Paris", score: 0.95, matchType: "housenumber" as const, lon: 2.41, lat: 48.86, citycode: "75120", postcode: "75020", precisionM: 5 };
  it("keeps the commune, the point and the QPV / rural result with its certainty", () => {
    const location = locationFrom(
      match,
      {
        membership: { qpv: { code: "QN07517I", name: "Portes du Vingtième", millesime: 2024 }, rural: null, qpvBoundaryDistanceM: 120, geography: { qpv: 2024, rural: "frr" } },
        certainty: { uncertain: false, reasons: [] },
      },
      null,
    );
    assert.equal(location.status, "located");
    assert.deepEqual(location.qpv, { code: "QN07517I", name: "Portes du Vingtième", millesime: 2024 });
    assert.equal(location.communeInsee, "75120");
    assert.equal(location.uncertain, false);
  });
  it("a failed geocoding is uncertain, keeps the commune when known, and says why", () => {
    const location = locationFrom({ ok: false, reason: "street_not_found", citycode: "05001" }, null, { scheme: "frr", class: "frr_socle", label: "FRR socle" });
    assert.equal(location.status, "not_located");
    assert.equal(location.communeInsee, "05001");
    assert.equal(location.uncertain, true);
    assert.deepEqual(location.reasons, ["geocoding_street_not_found"]);
    assert.equal(location.rural?.label, "FRR socle");
    assert.equal(location.lat, null);
  });
});

describe("retention (2 years, then 30 days of notice)", () => {
  const now = at("2029-01-01T00:00:00Z");
  const ago = (days: number) => new Date(now.getTime() - days * day);
  it("keeps active and anonymised profiles", () => {
    assert.equal(retentionStep({ lastActivityAt: ago(729), inactivityNotifiedAt: null, anonymisedAt: null }, now), "keep");
    assert.equal(retentionStep({ lastActivityAt: ago(2000), inactivityNotifiedAt: null, anonymisedAt: ago(10) }, now), "keep");
  });
  it("notifies after 2 years, waits for the notice period, then anonymises", () => {
    assert.equal(retentionStep({ lastActivityAt: ago(730), inactivityNotifiedAt: null, anonymisedAt: null }, now), "notify");
    assert.equal(retentionStep({ lastActivityAt: ago(750), inactivityNotifiedAt: ago(29), anonymisedAt: null }, now), "wait");
    assert.equal(retentionStep({ lastActivityAt: ago(760), inactivityNotifiedAt: ago(retention.noticeDays), anonymisedAt: null }, now), "anonymise");
  });
  it("notifies again when there was activity after an old notice", () => {
    assert.equal(retentionStep({ lastActivityAt: ago(731), inactivityNotifiedAt: ago(800), anonymisedAt: null }, now), "notify");
  });
});

describe("consent text, by who records it", () => {
  it("the person and a counsellor keep the text of 2026-12-01, which speaks of the counsellor", () => {
    assert.deepEqual(consentShownTo("candidate"), { version: consentVersion, text: consentText });
    assert.equal(consentShownTo("prescriber").version, consentVersion);
    assert.match(consentShownTo("prescriber").text, /^La personne a été informée et a donné son accord : « J'accepte .* avec mon conseiller ou ma conseillère\./);
  });
  it("an employer recording a direct hire shows its own wording, under a version of its own", () => {
    const shown = consentShownTo("employer");
    assert.equal(shown.version, consentEmployerVersion);
    assert.notEqual(shown.version, consentVersion, "a new text is a new version");
    assert.match(shown.text, /^La personne a été informée et a donné son accord : « J'accepte .*l'employeur qui m'embauche/);
    assert.doesNotMatch(shown.text, /conseiller/);
  });
});
