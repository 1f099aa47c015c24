package org.sessionreview.ingest.annotation;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The Jackson mappers {@link NativeAnnotationParser} reads JSON Lines and JSON arrays with. */
final class NativeJsonMappers {
    /**
     * The tokens {@code NaN} and {@code Infinity} (Python's {@code json.dumps} of a float) are read
     * as numbers, so that a NaN field is missing ({@link RecordFields#isMissing}).
     */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    /**
     * Reads one element of a JSON array at a time (JSON would refuse the elements after it); a
     * comma before the array's closing bracket (a list edited by hand) is read; NaN as in {@link #JSON}.
     */
    static final ObjectMapper ELEMENTS = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private NativeJsonMappers() {}
}
