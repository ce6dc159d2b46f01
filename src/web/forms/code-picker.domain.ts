// Codes chosen with the code picker (ROME appellations, compétences, communes, offers): a code and its label. Pure.
export type CodeLabel = { code: string; label: string };

/** Adds a code to a list once (a code already there is not added again). */
export const addCode = (list: CodeLabel[], item: CodeLabel): CodeLabel[] => (list.some((i) => i.code === item.code) ? list : [...list, item]);
