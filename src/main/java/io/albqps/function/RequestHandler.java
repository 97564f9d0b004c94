package io.albqps.function;

/**
 * One function entry point, in the shape of aws-lambda-java-core's {@code RequestHandler}, so the
 * handler is tested without HTTP and could be served by another runtime.
 *
 * @param <I> the event type
 * @param <O> the response type
 */
@FunctionalInterface
public interface RequestHandler<I, O> {

  /** Handles one invocation; never throws for a failed evaluation, it answers with an error. */
  O handleRequest(I input, Context context);
}
