package io.albqps.traffic;

/**
 * A trace file that cannot be read as traffic; the message names the file, the line and, where it
 * applies, the column and the offending value, so the user can fix the file without guessing.
 */
public final class TraceFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  TraceFormatException(String message) {
    super(message);
  }

  static TraceFormatException at(String source, int line, String problem) {
    return new TraceFormatException(source + " line " + line + ": " + problem);
  }

  static TraceFormatException at(
      String source, int line, int column, String columnName, String value, String expected) {
    return new TraceFormatException(
        source
            + " line "
            + line
            + ", column "
            + column
            + " ("
            + columnName
            + "): expected "
            + expected
            + ", got '"
            + value
            + "'");
  }
}
