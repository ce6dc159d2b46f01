// The detected columns, their samples and what each is used for.
import { Table } from "@codegouvfr/react-dsfr/Table";
import { type Inspection, mappedFieldLabels } from "../../score-qpv/score-qpv.contract.ts";
import { fieldsByColumn } from "./mapping.domain.ts";
import type { ColumnMapping } from "../../score-qpv/score-qpv.contract.ts";
import { scoreQpvText } from "./score-qpv.fr.ts";

const t = scoreQpvText.inspection;

export const ColumnsTable = ({ inspection, mapping }: { inspection: Inspection; mapping: ColumnMapping }) => {
  const usage = fieldsByColumn(mapping);
  return (
    <Table
      caption={t.tableCaption}
      headers={[...t.columnHeaders]}
      data={inspection.columns.map((column) => [
        column.index + 1,
        column.header || t.emptyHeader,
        column.samples.length ? (
          <ul className="tremplin-samples">
            {column.samples.slice(0, 3).map((sample, i) => (
              <li key={i}>{sample}</li>
            ))}
          </ul>
        ) : (
          "—"
        ),
        usage.get(column.index)?.map((field) => mappedFieldLabels[field]).join(", ") ?? <span className="fr-text-mention--grey">{t.unused}</span>,
      ])}
    />
  );
};
