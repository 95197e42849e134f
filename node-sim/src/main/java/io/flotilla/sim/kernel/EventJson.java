package io.flotilla.sim.kernel;

import io.flotilla.scheduler.time.Durations;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Renders a {@link LoggedEvent} as one line of JSON, with a fixed field order:
 *
 * <pre>{"seq":12,"time":"30s","type":"node.crash","node":"n1",...}</pre>
 *
 * then the event record's components in declaration order. Values: strings escaped per RFC 8259
 * (plus unpaired surrogates, so the line is valid UTF-8); integers and finite floating-point numbers
 * as numbers ({@code Double.toString}, so prefer integers where the exact text matters; NaN and the
 * infinities become the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}); booleans;
 * {@code null}; {@code Optional} as its value or {@code null}; lists, arrays and ordered sets as
 * arrays; sorted or insertion-ordered maps as objects; enums as lower-case names; {@code
 * java.time.Duration} in the {@link Durations} form ({@code "1m30s"}); nested records as objects.
 *
 * <p>Anything else is refused with an exception naming the component, on purpose: an {@code
 * ActorRef} prints a random UID, and a {@code HashMap}, {@code HashSet} or {@code Map.of} iterates in
 * an order that can change between runs.
 *
 * <p>Record accessors are looked up once per class and cached.
 */
public final class EventJson {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private static final List<String> RESERVED = List.of("seq", "time", "type");

    private EventJson() {}

    /** The JSON line for {@code logged}, without the line end. */
    public static String toJson(LoggedEvent logged) {
        StringBuilder out = new StringBuilder(128);
        appendTo(out, logged);
        return out.toString();
    }

    /** Appends the JSON line for {@code logged}, without the line end, to {@code out}. */
    public static void appendTo(StringBuilder out, LoggedEvent logged) {
        appendTo(out, logged, Durations.format(logged.time()));
    }

    private static void appendTo(StringBuilder out, LoggedEvent logged, String time) {
        Event event = logged.event();
        Shape shape = shapeOfEvent(event.getClass());
        out.append("{\"seq\":").append(logged.seq()).append(",\"time\":");
        JsonStrings.append(out, time);
        out.append(",\"type\":");
        JsonStrings.append(out, event.type());
        shape.writeComponents(out, event, true);
        out.append('}');
    }

    /**
     * Renders a log in order. Events often share an instant (a node crash and everything it sets
     * off), and formatting the time is most of the cost of a line, so the last time's text is
     * kept.
     */
    static final class Renderer {
        private final StringBuilder line = new StringBuilder(256);
        private long lastTime = Long.MIN_VALUE;
        private String lastTimeText;

        /** The JSON line for {@code logged}, ended by {@code \n}; valid until the next call. */
        CharSequence line(LoggedEvent logged) {
            if (logged.time() != lastTime || lastTimeText == null) {
                lastTime = logged.time();
                lastTimeText = Durations.format(lastTime);
            }
            line.setLength(0);
            appendTo(line, logged, lastTimeText);
            return line.append('\n');
        }
    }

    /** Fails now, rather than at rendering time, when {@code type} cannot be rendered as an event. */
    static void requireRenderable(Class<?> type) {
        shapeOfEvent(type);
    }

    private static Shape shapeOfEvent(Class<?> type) {
        Shape shape = SHAPES.get(type);
        if (shape.reservedClash != null) {
            throw new IllegalArgumentException(shape.reservedClash);
        }
        return shape;
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            JsonStrings.append(out, s);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
            out.append(value);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Enum<?> e) {
            JsonStrings.append(out, enumName(e));
        } else if (value instanceof Double d) {
            floating(out, d, Double.toString(d));
        } else if (value instanceof Float f) {
            floating(out, f, Float.toString(f));
        } else if (value instanceof Character c) {
            JsonStrings.append(out, c.toString());
        } else if (value instanceof Record r) {
            out.append('{');
            SHAPES.get(r.getClass()).writeComponents(out, r, false);
            out.append('}');
        } else if (value instanceof Optional<?> o) {
            value(out, o.orElse(null));
        } else if (value instanceof OptionalLong o) {
            value(out, o.isPresent() ? o.getAsLong() : null);
        } else if (value instanceof OptionalInt o) {
            value(out, o.isPresent() ? o.getAsInt() : null);
        } else if (value instanceof OptionalDouble o) {
            value(out, o.isPresent() ? o.getAsDouble() : null);
        } else if (value instanceof Duration d) {
            JsonStrings.append(out, Durations.format(d.toNanos()));
        } else if (value instanceof Map<?, ?> m) {
            map(out, m);
        } else if (value instanceof Collection<?> c) {
            collection(out, c);
        } else if (value.getClass().isArray()) {
            array(out, value);
        } else {
            throw new IllegalArgumentException("cannot render a " + value.getClass().getName()
                    + "; use strings, numbers, booleans, enums, records, lists or ordered maps");
        }
    }

    private static void floating(StringBuilder out, double value, String text) {
        if (Double.isFinite(value)) {
            out.append(text);
        } else {
            JsonStrings.append(out, text);
        }
    }

    private static void map(StringBuilder out, Map<?, ?> map) {
        if (!(map instanceof SortedMap || map instanceof LinkedHashMap || map instanceof EnumMap)) {
            throw new IllegalArgumentException("a " + map.getClass().getName() + " has no stable order;"
                    + " use a TreeMap or a LinkedHashMap");
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonStrings.append(out, key(entry.getKey()));
            out.append(':');
            value(out, entry.getValue());
        }
        out.append('}');
    }

    private static String key(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Enum<?> e) {
            return enumName(e);
        }
        if (key instanceof Number || key instanceof Character || key instanceof Boolean) {
            return key.toString();
        }
        throw new IllegalArgumentException("cannot use a " + (key == null ? "null" : key.getClass().getName())
                + " as a JSON key");
    }

    private static void collection(StringBuilder out, Collection<?> items) {
        if (items instanceof Set<?>
                && !(items instanceof SortedSet || items instanceof LinkedHashSet || items instanceof EnumSet)) {
            throw new IllegalArgumentException("a " + items.getClass().getName() + " has no stable order;"
                    + " use a List, a TreeSet or a LinkedHashSet");
        }
        if (!(items instanceof List || items instanceof Set)) {
            throw new IllegalArgumentException("a " + items.getClass().getName() + " may have no stable"
                    + " order; use a List");
        }
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(out, item);
        }
        out.append(']');
    }

    private static void array(StringBuilder out, Object array) {
        out.append('[');
        int length = Array.getLength(array);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(',');
            }
            value(out, Array.get(array, i));
        }
        out.append(']');
    }

    private static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The cached components of one record class: pre-rendered keys and accessors. */
    private static final class Shape {
        private final String[] keys;
        private final MethodHandle[] accessors;
        private final String reservedClash;

        private Shape(String[] keys, MethodHandle[] accessors, String reservedClash) {
            this.keys = keys;
            this.accessors = accessors;
            this.reservedClash = reservedClash;
        }

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record; events and the"
                        + " values inside them must be records");
            }
            RecordComponent[] components = type.getRecordComponents();
            String[] keys = new String[components.length];
            MethodHandle[] accessors = new MethodHandle[components.length];
            String clash = null;
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                if (Event.class.isAssignableFrom(type) && RESERVED.contains(name)) {
                    clash = "event " + type.getName() + " has a component named '" + name
                            + "', which the log uses; rename it";
                }
                StringBuilder key = new StringBuilder();
                JsonStrings.append(key, name);
                keys[i] = key.append(':').toString();
                accessors[i] = accessor(components[i].getAccessor());
            }
            return new Shape(keys, accessors, clash);
        }

        private static MethodHandle accessor(Method method) {
            try {
                // Event records are often private types nested in an actor; the accessor is public
                // but the class is not, so open it once here.
                method.setAccessible(true);
                return MethodHandles.lookup().unreflect(method)
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read " + method, e);
            }
        }

        void writeComponents(StringBuilder out, Object record, boolean afterFields) {
            for (int i = 0; i < keys.length; i++) {
                if (afterFields || i > 0) {
                    out.append(',');
                }
                out.append(keys[i]);
                try {
                    value(out, read(i, record));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(record.getClass().getSimpleName() + "."
                            + keys[i].substring(1, keys[i].length() - 2) + ": " + e.getMessage(), e);
                }
            }
        }

        private Object read(int i, Object record) {
            try {
                return (Object) accessors[i].invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("accessor of " + keys[i] + " threw", e);
            }
        }
    }
}
