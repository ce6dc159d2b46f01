// Step 1: choose the HR export and send it for inspection.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { type FormEvent, useState } from "react";
import { isAcceptedFileName } from "./mapping.domain.ts";
import { scoreQpvText } from "./score-qpv.fr.ts";

const t = scoreQpvText.upload;

export const UploadStep = ({ busy, serverError, onFile }: { busy: boolean; serverError: string | null; onFile: (file: File) => void }) => {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = error ?? serverError;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return fail(t.missing);
    if (!isAcceptedFileName(file.name)) return fail(t.wrongType);
    setError(null);
    onFile(file);
  };
  const fail = (message: string) => {
    setError(message);
    document.getElementById("score-file")?.focus();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Upload
        label={t.label}
        hint={t.hint}
        state={shown ? "error" : "default"}
        stateRelatedMessage={shown ?? undefined}
        nativeInputProps={{
          id: "score-file",
          name: "file",
          accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          onChange: (event) => {
            setFile(event.target.files?.[0] ?? null);
            setError(null);
          },
        }}
      />
      <Button className="fr-mt-3w" type="submit" disabled={busy} iconId="fr-icon-upload-2-line" iconPosition="left">
        {busy ? t.submitting : t.submit}
      </Button>
    </form>
  );
};
