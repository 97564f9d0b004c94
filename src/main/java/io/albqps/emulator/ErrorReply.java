package io.albqps.emulator;

/**
 * A BytePlus error the emulator answers with: the HTTP status and the envelope's {@code Error.Code}
 * and {@code Message}, as listed in the common error codes (reference §3.6).
 */
final class ErrorReply extends Exception {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String code;

  ErrorReply(int httpStatus, String code, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  int httpStatus() {
    return httpStatus;
  }

  String code() {
    return code;
  }

  static ErrorReply missingParameter(String name) {
    return new ErrorReply(400, "MissingParameter", "The request is missing parameter " + name);
  }

  static ErrorReply invalidParameter(String name, String value, String allowed) {
    return new ErrorReply(
        400,
        "InvalidParameter",
        "The parameter " + name + " is invalid: got " + value + ", expected " + allowed);
  }

  static ErrorReply missingAuthenticationToken() {
    return new ErrorReply(
        401, "MissingAuthenticationToken", "The request is missing the Authorization header");
  }

  static ErrorReply missingRequestInfo(String what) {
    return new ErrorReply(400, "MissingRequestInfo", "The request is missing " + what);
  }

  static ErrorReply invalidAccessKey(String accessKeyId) {
    return new ErrorReply(
        401, "InvalidAccessKey", "The access key id " + accessKeyId + " does not exist");
  }

  static ErrorReply signatureDoesNotMatch(String detail) {
    return new ErrorReply(
        401,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided: " + detail);
  }

  static ErrorReply invalidTimestamp(String detail) {
    return new ErrorReply(
        400, "InvalidTimestamp", "The signature of the request is expired: " + detail);
  }

  static ErrorReply invalidSecurityToken() {
    return new ErrorReply(
        401, "InvalidSecurityToken", "The X-Security-Token is missing or does not match");
  }

  static ErrorReply invalidActionOrVersion(String action, String version) {
    return new ErrorReply(
        404,
        "InvalidActionOrVersion",
        "Could not find operation " + action + " for version " + version);
  }

  static ErrorReply serviceNotFound(String service, String region) {
    return new ErrorReply(
        404, "ServiceNotFound", "Service " + service + " in region " + region + " not found");
  }

  static ErrorReply methodNotAllowed(String method, String action) {
    return new ErrorReply(
        405, "MethodNotAllowed", "Method " + method + " is not allowed for " + action);
  }

  static ErrorReply groupNotFound(String scalingGroupId) {
    // UNCONFIRMED code name: the AutoScaling docs list no error table; Volcengine uses this form.
    return new ErrorReply(
        404,
        "InvalidScalingGroupId.NotFound",
        "The scaling group " + scalingGroupId + " does not exist");
  }
}
