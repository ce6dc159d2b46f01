// `--rows FILE` (CLI only, on the user's machine): every input row with the
// result appended, so that a user can check the score line by line. CSV with ";"
// in UTF-8 with BOM (Excel opens it with its accents), formula-safe.
import type { Writable } from "node:stream";
import { once } from "node:events";
import type { HrRow } from "./hr-file.reader.ts";
import type { RowOutcome } from "./report.domain.ts";
import { csvLine, UTF8_BOM } from "./csv-safe.ts";

export const ROW_RESULT_COLUMNS = [
  "tremplin_status", "tremplin_match", "tremplin_score", "tremplin_lat", "tremplin_lon",
  "tremplin_qpv_code", "tremplin_rural", "tremplin_uncertain",
] as const;

/** The appended cells of one row. Status: located | unlocated | out_of_period | invalid | duplicate. */
export const rowResultCells = (outcome: RowOutcome): string[] => {
  switch (outcome.status) {
    case "located": {
      const { match, point, membership, certainty } = outcome;
      return [
        "located",
        match?.matchType ?? "coordinates",
        match ? match.score.toFixed(2) : "",
        point.lat.toFixed(6),
        point.lon.toFixed(6),
        membership.qpv?.code ?? "",
        membership.rural?.label ?? "",
        certainty.uncertain ? "oui" : "non",
      ];
    }
    case "unlocated":
      return ["unlocated", outcome.reason, "", "", "", "", "", ""];
    case "invalid":
      return ["invalid", outcome.reason, "", "", "", "", "", ""];
    case "duplicate":
      return ["duplicate", "", "", "", "", "", "", ""];
    case "out_of_period":
      return ["out_of_period", "", "", "", "", "", "", ""];
  }
};

export type RowsOutput = {
  onHeader(headers: string[]): Promise<void>;
  onRow(row: HrRow, outcome: RowOutcome): Promise<void>;
  /** Ends the stream and waits until it is flushed. */
  close(): Promise<void>;
};

export const createRowsOutput = (out: Writable): RowsOutput => {
  let width = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  return {
    async onHeader(headers) {
      width = headers.length;
      await write(UTF8_BOM + csvLine([...headers, ...ROW_RESULT_COLUMNS]));
    },
    async onRow(row, outcome) {
      const cells = row.raw.length >= width ? row.raw : [...row.raw, ...Array<string>(width - row.raw.length).fill("")];
      await write(csvLine([...cells, ...rowResultCells(outcome)]));
    },
    async close() {
      out.end();
      if (!out.writableFinished) await once(out, "finish");
    },
  };
};
