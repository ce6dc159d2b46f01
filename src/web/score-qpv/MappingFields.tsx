// One DSFR Select per field of the contract's ColumnMapping.
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type ColumnMapping, type Inspection, type MappedField, mappedFieldLabels } from "../../score-qpv/score-qpv.contract.ts";
import { type FieldErrors, mappedFields } from "./mapping.domain.ts";
import { scoreQpvText } from "./score-qpv.fr.ts";

const t = scoreQpvText.mapping;

type Props = {
  inspection: Inspection;
  mapping: ColumnMapping;
  errors: FieldErrors<MappedField>;
  onChange: (mapping: ColumnMapping) => void;
};

export const MappingFields = ({ inspection, mapping, errors, onChange }: Props) => (
  <fieldset className="fr-fieldset tremplin-mapping" aria-labelledby="mapping-legend mapping-hint">
    <legend id="mapping-legend" className="fr-fieldset__legend">
      {t.legend}
      <span id="mapping-hint" className="fr-hint-text">{t.hint}</span>
    </legend>
    {mappedFields.map((field) => (
      <div key={field} className="fr-fieldset__element fr-col-12 fr-col-md-6">
        <Select
          label={mappedFieldLabels[field]}
          state={errors[field] ? "error" : "default"}
          stateRelatedMessage={errors[field]}
          nativeSelectProps={{
            id: `mapping-${field}`,
            name: field,
            value: mapping[field] === undefined ? "" : String(mapping[field]),
            onChange: (event) => {
              const value = event.target.value;
              onChange({ ...mapping, [field]: value === "" ? undefined : Number(value) });
            },
          }}
        >
          <option value="">{t.none}</option>
          {inspection.columns.map((column) => (
            <option key={column.index} value={column.index}>
              {t.option(column.index, column.header || scoreQpvText.inspection.emptyHeader, column.samples[0])}
            </option>
          ))}
        </Select>
      </div>
    ))}
  </fieldset>
);
