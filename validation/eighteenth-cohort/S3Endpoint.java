import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * An S3 endpoint on 127.0.0.1 for the eighteenth cohort: s3proxy on jclouds' transient (in-memory)
 * blob store, one bucket, the same kind of endpoint S3ReviewITCase uses. Run in source-file mode
 * with the jobs module's test class path:
 *
 * <pre>java -cp "$CP" S3Endpoint.java CONTROL_DIR BUCKET ACCESS_KEY SECRET_KEY</pre>
 *
 * It writes CONTROL_DIR/port when it listens, then serves requests dropped into CONTROL_DIR, one
 * file each (the shell's way to reach it without an S3 client):
 *
 * <ul>
 *   <li>NAME.put containing {@code LOCAL_DIR<TAB>PREFIX}: every regular file under LOCAL_DIR (hidden
 *       ones too; symbolic links are not followed and not uploaded, an object store has none) is
 *       stored as the object PREFIX/relative/path with the file's bytes, as {@code aws s3 cp
 *       --recursive} would: objects only, no directory markers.
 *   <li>NAME.get containing {@code PREFIX<TAB>LOCAL_DIR}: every object under PREFIX/ is written,
 *       byte for byte, to LOCAL_DIR/relative/path (keys ending in '/' are markers and skipped).
 *   <li>stop: the endpoint stops and the program exits.
 * </ul>
 *
 * Each request is answered with NAME.done (a line: how many objects) or NAME.err (the reason).
 */
public final class S3Endpoint {
    private S3Endpoint() {}

    public static void main(String[] args) throws Exception {
        Path control = Path.of(args[0]);
        String bucket = args[1];
        BlobStoreContext blobs = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials(args[2], args[3])
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[2], args[3])
                .build();
        proxy.start();
        for (int i = 0; i < 1000 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
        }
        BlobStore store = blobs.getBlobStore();
        store.createContainerInLocation(null, bucket);
        Files.writeString(control.resolve("port.tmp"), Integer.toString(proxy.getPort()));
        Files.move(control.resolve("port.tmp"), control.resolve("port"));
        try {
            while (!Files.exists(control.resolve("stop"))) {
                boolean served = false;
                try (Stream<Path> requests = Files.list(control)) {
                    for (Path r : requests.sorted().toList()) {
                        String n = r.getFileName().toString();
                        if (n.endsWith(".put") || n.endsWith(".get")) {
                            serve(store, bucket, r);
                            served = true;
                        }
                    }
                }
                if (!served) {
                    Thread.sleep(100);
                }
            }
        } finally {
            proxy.stop();
            blobs.close();
        }
    }

    private static void serve(BlobStore store, String bucket, Path request) throws IOException {
        String n = request.getFileName().toString();
        String base = n.substring(0, n.length() - 4);
        String[] a = Files.readString(request, StandardCharsets.UTF_8).strip().split("\t");
        Files.delete(request);
        try {
            int count = n.endsWith(".put") ? put(store, bucket, Path.of(a[0]), a[1]) : get(store, bucket, a[0], Path.of(a[1]));
            Files.writeString(request.resolveSibling(base + ".done"), count + "\n");
        } catch (RuntimeException | IOException e) {
            Files.writeString(request.resolveSibling(base + ".err"), e + "\n");
        }
    }

    private static int put(BlobStore store, String bucket, Path from, String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path f : files) {
            String key = prefix + "/" + from.relativize(f).toString().replace('\\', '/');
            Blob blob = store.blobBuilder(key)
                    .payload(Files.readAllBytes(f))
                    .contentType("application/octet-stream")
                    .build();
            store.putBlob(bucket, blob);
        }
        return files.size();
    }

    private static int get(BlobStore store, String bucket, String prefix, Path to) throws IOException {
        int count = 0;
        String marker = null;
        do {
            ListContainerOptions o = ListContainerOptions.Builder.prefix(prefix + "/").recursive();
            if (marker != null) {
                o = o.afterMarker(marker);
            }
            var page = store.list(bucket, o);
            for (StorageMetadata m : page) {
                String key = m.getName();
                if (m.getType() != StorageType.BLOB || key.endsWith("/")) {
                    continue;
                }
                Path target = to.resolve(key.substring(prefix.length() + 1));
                Files.createDirectories(target.getParent());
                Blob blob = store.getBlob(bucket, key);
                try (InputStream in = blob.getPayload().openStream()) {
                    Files.write(target, in.readAllBytes());
                }
                count++;
            }
            marker = page.getNextMarker();
        } while (marker != null);
        return count;
    }
}
