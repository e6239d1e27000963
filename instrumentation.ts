// Runs once when the server starts: the Node.js server starts the webhook delivery loop.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startWebhookWorker } = await import("./lib/webhooks/worker");
    startWebhookWorker();
  }
}
