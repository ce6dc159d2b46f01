// Step 2: what was read in the file, the column mapping (when needed or asked), the sheet and the period.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import type { ColumnMapping, Inspection, MappedField } from "../../score-qpv/score-qpv.contract.ts";
import { ColumnsTable } from "./ColumnsTable.tsx";
import { MappingFields } from "./MappingFields.tsx";
import { type FieldErrors, type Period, cleanMapping, mappedFields, validateMapping, validatePeriod } from "./mapping.domain.ts";
import { scoreQpvText } from "./score-qpv.fr.ts";

const t = scoreQpvText.inspection;
const p = scoreQpvText.period;

export type StartRequest = { mapping: ColumnMapping; sheet: string | null; from?: string; to?: string };

type Props = {
  inspection: Inspection;
  busy: boolean;
  serverError: string | null;
  onSheet: (sheet: string) => void;
  onStart: (request: StartRequest) => void;
  onRestart: () => void;
};

const describeFile = (inspection: Inspection) =>
  [
    t.fileSummary(inspection.fileName, inspection.format, inspection.headerLine),
    inspection.encoding && t.encoding(inspection.encoding),
    inspection.delimiter && t.delimiter(inspection.delimiter),
  ]
    .filter(Boolean)
    .join(", ");

export const InspectionStep = ({ inspection, busy, serverError, onSheet, onStart, onRestart }: Props) => {
  const [mapping, setMapping] = useState<ColumnMapping>(inspection.mapping);
  const [editing, setEditing] = useState(inspection.needsMapping);
  const [period, setPeriod] = useState<Period>({ from: "", to: "" });
  const [mappingErrors, setMappingErrors] = useState<FieldErrors<MappedField>>({});
  const [periodErrors, setPeriodErrors] = useState<FieldErrors<keyof Period>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cleaned = cleanMapping(mapping);
    const mErrors = validateMapping(cleaned);
    const pErrors = validatePeriod(period);
    setMappingErrors(mErrors);
    setPeriodErrors(pErrors);
    const firstMapping = mappedFields.find((field) => mErrors[field]);
    if (firstMapping) {
      setEditing(true);
      requestAnimationFrame(() => document.getElementById(`mapping-${firstMapping}`)?.focus());
      return;
    }
    const firstPeriod = (["from", "to"] as const).find((field) => pErrors[field]);
    if (firstPeriod) return document.getElementById(`period-${firstPeriod}`)?.focus();
    onStart({ mapping: cleaned, sheet: inspection.sheet, from: period.from || undefined, to: period.to || undefined });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t.heading}</h2>
      <p>{describeFile(inspection)}</p>
      {inspection.sheets.length > 1 && (
        <Select
          label={t.sheet}
          hint={t.sheetHint}
          nativeSelectProps={{ id: "inspection-sheet", value: inspection.sheet ?? "", disabled: busy, onChange: (e) => onSheet(e.target.value) }}
        >
          {inspection.sheets.map((sheet) => (
            <option key={sheet} value={sheet}>{sheet}</option>
          ))}
        </Select>
      )}
      {inspection.warnings.length > 0 && (
        <Alert
          className="fr-mb-3w"
          severity="warning"
          small
          description={
            <>
              <strong>{t.warnings} :</strong>
              <ul>
                {inspection.warnings.map((warning) => <li key={warning}>{warning}</li>)}
              </ul>
            </>
          }
        />
      )}
      <ColumnsTable inspection={inspection} mapping={mapping} />
      {inspection.needsMapping ? (
        <Alert className="fr-mb-3w" severity="info" small description={t.needsMapping} />
      ) : (
        <p>{t.recognised}</p>
      )}
      {editing ? (
        <MappingFields inspection={inspection} mapping={mapping} errors={mappingErrors} onChange={setMapping} />
      ) : (
        <Button type="button" priority="secondary" className="fr-mb-3w" iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>
          {t.editMapping}
        </Button>
      )}
      <fieldset className="fr-fieldset" aria-labelledby="period-legend">
        <legend id="period-legend" className="fr-fieldset__legend">
          {p.legend}
          <span className="fr-hint-text">{p.hint}</span>
        </legend>
        {(["from", "to"] as const).map((field) => (
          <div key={field} className="fr-fieldset__element fr-fieldset__element--inline">
            <Input
              label={p[field]}
              state={periodErrors[field] ? "error" : "default"}
              stateRelatedMessage={periodErrors[field]}
              nativeInputProps={{
                id: `period-${field}`,
                type: "date",
                value: period[field],
                onChange: (e) => setPeriod((previous) => ({ ...previous, [field]: e.target.value })),
              }}
            />
          </div>
        ))}
      </fieldset>
      {serverError && <Alert className="fr-mb-3w" severity="error" small description={serverError} />}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button type="submit" disabled={busy} iconId="fr-icon-play-line" iconPosition="left">
            {busy ? scoreQpvText.starting : scoreQpvText.start}
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={onRestart} disabled={busy}>{t.restart}</Button>
        </li>
      </ul>
    </form>
  );
};
