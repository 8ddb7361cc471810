import { resetEnvCache } from "~/platform/env.server";
import { startTestApp, type TestApp } from "../setup/app-server";
import { startSmtpSink, type SmtpSink } from "./sink";

/**
 * The app with its background workers, delivering email to a real SMTP server that keeps what
 * it receives. `close` stops both and gives SMTP_URL back its earlier value.
 */
export async function startAppWithSmtpSink(): Promise<{
  app: TestApp;
  sink: SmtpSink;
  close(): Promise<void>;
}> {
  const previousSmtpUrl = process.env.SMTP_URL;
  const sink = await startSmtpSink({ keepRaw: true });
  const app = await startTestApp({ workers: true, env: { SMTP_URL: sink.url() } });
  return {
    app,
    sink,
    async close() {
      await app.close();
      await sink.close();
      if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previousSmtpUrl;
      resetEnvCache();
    },
  };
}
