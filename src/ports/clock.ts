/** The time now: passed in, so use cases and tests control it. */
export type Clock = () => Date;
