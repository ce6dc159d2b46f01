// Progress on stderr: a rewritten line on a terminal, a line every few seconds otherwise.
const numberFormat = new Intl.NumberFormat("fr-FR");

export const createProgress = (label: string, stream: NodeJS.WriteStream = process.stderr) => {
  let last = 0;
  const interactive = stream.isTTY === true;
  return {
    update(done: number, total: number | null) {
      const now = Date.now();
      if (now - last < (interactive ? 100 : 5000)) return;
      last = now;
      const percent = total ? ` (${Math.floor((100 * done) / total)} %)` : "";
      const text = `${label} : ${numberFormat.format(done)}${total ? ` / ${numberFormat.format(total)}` : ""}${percent}`;
      stream.write(interactive ? `\r${text}\x1b[K` : `${text}\n`);
    },
    finish(message: string) {
      stream.write(interactive ? `\r${message}\x1b[K\n` : `${message}\n`);
    },
  };
};

export const formatNumber = (n: number) => numberFormat.format(n);
