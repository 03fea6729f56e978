package io.pitwall.source.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;

/**
 * Reads upstream JSON bodies into records with Jackson, strictly, and names the field path of
 * whatever is wrong ({@code trophyTitles[3].npCommunicationId: missing}), so that every source
 * declares the shape it expects once, as records, instead of checking each field by hand.
 *
 * <p>The rules, the same for every source:
 *
 * <ul>
 *   <li>A record component marked {@code @JsonProperty(required = true)} must be present and not
 *       {@code null} (problem {@code missing} or {@code null}); any other component is optional and
 *       reads as {@code null} when absent, so optional components are boxed ({@code Integer}, not
 *       {@code int}). Jackson's {@code FAIL_ON_MISSING_CREATOR_PROPERTIES} and {@code
 *       FAIL_ON_NULL_CREATOR_PROPERTIES} would make every component required, so the required ones
 *       are marked instead.
 *   <li>Unknown properties are ignored: upstreams add fields.
 *   <li>No scalar coercion: a number is not a string, {@code "1"} is not a number, {@code 1} is not
 *       a boolean, and an integer field takes an integer literal only ({@code 1.0} is refused
 *       rather than rounded). A list holds no {@code null} elements.
 *   <li>{@link Instant} reads from an ISO-8601 string ({@code 2020-11-21T10:45:19Z}).
 *   <li>A record's constructor (or a deserializer) rejects a value that has the right type but a
 *       wrong meaning with {@link #invalid(String, String)}: the path names the field.
 * </ul>
 *
 * <p>Every failure is a {@link Malformed} with the path and the problem. Its message never quotes a
 * value Jackson read (a value may be a credential, as in a token answer): it says what is wrong,
 * not what was there, except where a record chose to quote through {@link #invalid(String,
 * String)}. The Jackson exception is not kept as a cause for the same reason.
 *
 * <p>The class depends on Jackson and the JDK only.
 */
public final class UpstreamJson {

  private static final ObjectMapper MAPPER = mapper();
  private static final int QUOTED_START = 40;

  private UpstreamJson() {}

  /**
   * Reads a body.
   *
   * @param body the raw answer (UTF-8); null or empty is {@code body: empty}
   * @param type the record (or array of records) it must be
   * @param <T> the type
   * @return the value
   * @throws Malformed naming the path and the problem when the body is not of that shape
   */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw new Malformed("", "empty");
    }
    try {
      return MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw translate(e, new String(body, 0, Math.min(body.length, 256), StandardCharsets.UTF_8));
    }
  }

  /**
   * Reads a JSON document held as text (e.g. one that an upstream nests inside a JSON string).
   *
   * @param text the document
   * @param type the record, map or array it must be
   * @param <T> the type
   * @return the value
   * @throws Malformed naming the path and the problem
   */
  public static <T> T read(String text, Class<T> type) {
    return read(text == null ? null : text.getBytes(StandardCharsets.UTF_8), type);
  }

  /**
   * The exception a record's constructor or a deserializer throws when a value has the right type
   * but a wrong meaning. Jackson adds the path of the object being built.
   *
   * @param field the component at fault, relative to the object being built
   * @param problem what is wrong (quote the value only when it cannot be a secret)
   * @return the exception to throw
   */
  public static RuntimeException invalid(String field, String problem) {
    return new InvalidValue(field, problem);
  }

  /**
   * The exception a deserializer throws when the value it reads is wrong; Jackson adds its path.
   *
   * @param problem what is wrong
   * @return the exception to throw
   */
  public static RuntimeException invalid(String problem) {
    return new InvalidValue(null, problem);
  }

  /** A body, or a part of one, that is not of the shape its record declares. */
  public static final class Malformed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    /**
     * @param path where, e.g. {@code trophyTitles[3].npCommunicationId}; empty for the whole body
     * @param problem what is wrong there, e.g. {@code missing}
     */
    public Malformed(String path, String problem) {
      super((path.isEmpty() ? "body" : path) + ": " + problem);
      this.path = path;
      this.problem = problem;
    }

    /** Where, e.g. {@code trophyTitles[3].npCommunicationId}; empty for the whole body. */
    public String path() {
      return path;
    }

    /** What is wrong there, e.g. {@code missing}, {@code not an integer}. */
    public String problem() {
      return problem;
    }
  }

  /** A value of the right type with a wrong meaning, thrown from inside Jackson. */
  private static final class InvalidValue extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidValue(String field, String problem) {
      super(problem, null, false, false);
      this.field = field;
    }
  }

  private static Malformed translate(IOException e, String start) {
    StreamReadException syntax = find(e, StreamReadException.class);
    if (syntax != null && find(e, InputCoercionException.class) == null) {
      String trimmed = start.stripLeading();
      if (!trimmed.isEmpty() && trimmed.charAt(0) == '<') {
        String quoted =
            trimmed.substring(0, Math.min(trimmed.length(), QUOTED_START)).replaceAll("\\s+", " ");
        return new Malformed("", "not JSON (starts with '" + quoted + "')");
      }
      return new Malformed("", "malformed JSON" + at(syntax.getLocation()));
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return new Malformed("", "unreadable (" + e.getClass().getSimpleName() + ")");
    }
    String path = path(mapping);
    InvalidValue invalid = find(e, InvalidValue.class);
    if (invalid != null) {
      return new Malformed(join(path, invalid.field), invalid.getMessage());
    }
    return new Malformed(path, problem(mapping));
  }

  private static String problem(JsonMappingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof InvalidNullException) {
      return "null";
    }
    if (message.startsWith("Missing required creator property")) {
      return "missing";
    }
    if (message.startsWith("Cannot map `null`")) {
      return "missing or null";
    }
    if (message.startsWith("Trailing token")) {
      return "more content after the JSON value";
    }
    if (find(e, InputCoercionException.class) != null) {
      return "out of range";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "not " + kind(mismatch.getTargetType());
    }
    return "unreadable";
  }

  private static String kind(Class<?> type) {
    if (type == String.class || type == char.class || type == Character.class) {
      return "a string";
    }
    if (Set.of(int.class, long.class, short.class, byte.class).contains(type)
        || Set.of(Integer.class, Long.class, Short.class, Byte.class, BigInteger.class)
            .contains(type)) {
      return "an integer";
    }
    if (type == double.class
        || type == float.class
        || Number.class.isAssignableFrom(type)
        || type == BigDecimal.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "a boolean";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String join(String path, String field) {
    if (field == null || field.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static <X extends Throwable> X find(Throwable e, Class<X> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static ObjectMapper mapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .annotationIntrospector(new StrictNulls())
            .addModule(
                new SimpleModule("pitwall-upstream")
                    .addDeserializer(Instant.class, new IsoInstant()))
            .build();
    for (LogicalType scalar : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean}) {
      mapper
          .coercionConfigFor(scalar)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** {@link Instant} from an ISO-8601 string, nothing else. */
  private static final class IsoInstant extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    IsoInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw invalid("not a string");
      }
      String text = p.getText();
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        String shown = text.length() > QUOTED_START ? text.substring(0, QUOTED_START) + "…" : text;
        throw invalid("'" + shown + "' is not an ISO-8601 instant");
      }
    }
  }

  /**
   * {@code @JsonProperty(required = true)} also refuses an explicit {@code null}, and a list never
   * holds a {@code null} element (a map may: it holds what an upstream sent).
   */
  private static final class StrictNulls extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public JsonSetter.Value findSetterInfo(Annotated annotated) {
      JsonSetter.Value declared = super.findSetterInfo(annotated);
      JsonProperty property = _findAnnotation(annotated, JsonProperty.class);
      Nulls values = property != null && property.required() ? Nulls.FAIL : Nulls.DEFAULT;
      Class<?> type = annotated.getRawType();
      Nulls contents =
          type.isArray() || Collection.class.isAssignableFrom(type) ? Nulls.FAIL : Nulls.DEFAULT;
      return JsonSetter.Value.construct(values, contents).withOverrides(declared);
    }
  }
}
