// Column types shared by the table types of every capability.
import type { ColumnType } from "kysely";

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
