// Per-member notification settings for the organisation one acts for.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { type FormEvent, useEffect, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { fetchSettings, saveSettings } from "./applications.api.ts";
import { applicationsFr as fr } from "./applications.fr.ts";
import { RequireSession } from "../accounts/index.ts";

type Setting = { kind: string; label: string; enabled: boolean };

export const NotificationSettingsPage = () => (
  <RequireSession title={fr.titles.settings} kinds={["professional"]} acting signedOut="explain">
    <NotificationSettings />
  </RequireSession>
);

const NotificationSettings = () => {
  usePageTitle(fr.titles.settings);
  const [settings, setSettings] = useState<Setting[] | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    fetchSettings().then(setSettings, (e) => setStatus({ ok: false, text: errorMessage(e) }));
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      setSettings(await saveSettings((settings ?? []).map((s) => ({ kind: s.kind, enabled: form.get(s.kind) === "on" }))));
      setStatus({ ok: true, text: fr.settings.saved });
    } catch (e) {
      setStatus({ ok: false, text: errorMessage(e) });
    }
  };

  return (
    <>
      <PageHeading>{fr.titles.settings}</PageHeading>
      <div aria-live="polite">{status && <Alert severity={status.ok ? "success" : "error"} small description={status.text} className="fr-mb-2w" />}</div>
      {settings && (
        <form onSubmit={submit}>
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">{fr.settings.intro}</legend>
            {settings.map((s) => (
              <div key={s.kind} className="fr-fieldset__element">
                <div className="fr-checkbox-group">
                  <input type="checkbox" id={`setting-${s.kind}`} name={s.kind} defaultChecked={s.enabled} />
                  <label className="fr-label" htmlFor={`setting-${s.kind}`}>
                    {s.label}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <Button type="submit">{fr.settings.save}</Button>
        </form>
      )}
    </>
  );
};
