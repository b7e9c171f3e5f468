package io.github.deepcleermock.mock.http;

/** Why a request body could not be read whole: each is the client's doing, so a vendor path answers 1902. */
enum BodyProblem {
  /** More bytes than the endpoint's limit (declared or sent); the rest is not read. */
  TOO_LARGE,
  /** The body was not complete when the read deadline passed (a slow or silent sender). */
  TOO_SLOW,
  /** The chunked framing was malformed, so where the body ends is unknown. */
  BAD_FRAMING,
  /** The client stopped sending (an orderly end of its side) before the declared length or the last chunk. */
  ENDED_EARLY,
  /** The connection failed while the body was read; no answer can reach the client. */
  ABORTED
}
