// Where Acme captures its product events. Production forwards them to PostHog;
// the default sink keeps them in memory so tests can assert on them.

/** Events that mean a user got value from Acme. */
export type SuccessEvent =
  | "workflow_created"
  | "workflow_published"
  | "integration_connected"
  | "import_completed"
  | "tool_run_succeeded";

export type ProductEvent = SuccessEvent | "help_searched" | "$exception";

export interface CapturedEvent {
  event: ProductEvent;
  distinctId: string;
  properties: Record<string, unknown>;
  timestamp: string;
}

export type EventSink = (event: CapturedEvent) => void;

export class Analytics {
  readonly captured: CapturedEvent[] = [];
  private readonly sink: EventSink;

  constructor(sink?: EventSink) {
    this.sink = sink ?? ((event) => this.captured.push(event));
  }

  capture(distinctId: string, event: ProductEvent, properties: Record<string, unknown> = {}): void {
    this.sink({ event, distinctId, properties, timestamp: new Date().toISOString() });
  }

  /** Server errors are reported with PostHog's $exception_list shape. */
  captureException(distinctId: string, error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    this.capture(distinctId, "$exception", {
      $exception_list: [
        { type: err.name, value: err.message, mechanism: { handled: false, type: "generic" } },
      ],
      $exception_level: "error",
    });
  }
}
