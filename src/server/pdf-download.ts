// A stored PDF (a CV) sent as a download: the person's file name, never cached,
// never sniffed into another type.
import type { FastifyReply } from "fastify";

export const sendPdfDownload = (reply: FastifyReply, file: { fileName: string; content: Buffer }) =>
  reply
    .header("content-type", "application/pdf")
    .header("content-disposition", `attachment; filename="cv.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header("cache-control", "private, no-store")
    .header("x-content-type-options", "nosniff")
    .send(file.content);
