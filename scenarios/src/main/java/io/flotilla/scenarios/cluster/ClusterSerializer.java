package io.flotilla.scenarios.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The cluster's messages ({@link ClusterMessage}) as JSON, with each actor reference as its
 * address. Jackson writes a double as its shortest exact text and reads it back to the same bits,
 * so metrics arrive as they were measured.
 *
 * <p>It is a serializer of its own, bound in the cluster's settings only, rather than Pekko's
 * Jackson module: that module's serializers would be built in every actor system on the class path,
 * each simulation's included, on every run.
 */
public final class ClusterSerializer extends SerializerWithStringManifest {

    /** Pekko's serializer identifiers below 40 are its own. */
    private static final int IDENTIFIER = 7_301;

    private final ObjectMapper json;

    public ClusterSerializer(ExtendedActorSystem system) {
        ActorRefResolver resolver = ActorRefResolver.get(Adapter.toTyped(system));
        SimpleModule refs = new SimpleModule("actor-refs");
        refs.addSerializer(ActorRef.class, new RefWriter(resolver));
        refs.addDeserializer(ActorRef.class, new RefReader(resolver));
        this.json = new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(refs)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object message) {
        return message.getClass().getName();
    }

    @Override
    public byte[] toBinary(Object message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        Class<?> type;
        try {
            type = Class.forName(manifest, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new NotSerializableException("unknown message " + manifest);
        }
        // Only the cluster's own messages are ever read, whatever a peer names.
        if (!ClusterMessage.class.isAssignableFrom(type)) {
            throw new NotSerializableException("not a cluster message: " + manifest);
        }
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An actor reference as the text its system resolves again. */
    @SuppressWarnings("rawtypes")
    private static final class RefWriter extends JsonSerializer<ActorRef> {
        private final ActorRefResolver resolver;

        RefWriter(ActorRefResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(ActorRef ref, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(resolver.toSerializationFormat(ref));
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class RefReader extends JsonDeserializer<ActorRef> {
        private final ActorRefResolver resolver;

        RefReader(ActorRefResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        public ActorRef deserialize(JsonParser in, DeserializationContext context) throws IOException {
            return resolver.resolveActorRef(in.getValueAsString());
        }
    }
}
