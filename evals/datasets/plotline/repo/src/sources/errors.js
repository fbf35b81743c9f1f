/** A problem with what the user entered for a data source; its message is shown under the form. */
export class SourceError extends Error {
  constructor(message) {
    super(message);
    this.name = "SourceError";
  }
}
