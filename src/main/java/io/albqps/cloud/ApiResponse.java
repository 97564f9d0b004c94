package io.albqps.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The {@code Result} of one successful BytePlus call with the request id of its {@code
 * ResponseMetadata}, so adapters can name the request in the errors they raise while reading it.
 *
 * @param action the API action, e.g. {@code DescribeScalingGroups}
 * @param requestId {@code ResponseMetadata.RequestId}, or null when the server sent none
 * @param result the {@code Result} object
 */
public record ApiResponse(String action, String requestId, JsonNode result) {
  public ApiResponse {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(result, "result");
  }
}
