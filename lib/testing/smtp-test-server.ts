// A real SMTP server for tests (the `smtp-server` package) that keeps what arrives, parsed with `mailparser`.
// It can be told to refuse messages with a given reply code (550: permanent, 451: try later).
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpTestServer = {
  url: string;
  mails: ParsedMail[];
  /** When each mail of `mails` arrived (ms since the epoch), same order. */
  receivedAt: number[];
  /** Reply code for the next RCPT TO commands, or null to accept. */
  refuseWith: (code: number | null) => void;
  /** Resolves when `count` mails have arrived. */
  waitForMails: (count: number) => Promise<ParsedMail[]>;
  close: () => Promise<void>;
};

export async function startSmtpTestServer(port: number): Promise<SmtpTestServer> {
  const mails: ParsedMail[] = [];
  const receivedAt: number[] = [];
  const waiters: Array<() => void> = [];
  let refusal: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusal === null) return callback();
      const error = Object.assign(new Error(refusal >= 500 ? "No such mailbox here" : "Mailbox busy, try later"), {
        responseCode: refusal,
      });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          receivedAt.push(Date.now());
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    receivedAt,
    refuseWith: (code) => {
      refusal = code;
    },
    waitForMails: async (count) => {
      while (mails.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
