import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * EPUBCheck started before the EPUB exists (edition/gates.py runs this source file with
 * Java's source launcher, epubcheck.jar on the class path).  It starts the JVM and checks a
 * small EPUB, output discarded, so that EPUBCheck's classes are loaded and its schemas
 * compiled while the book is still being typeset; then it reads the path of the real EPUB
 * from standard input, checks it with EPUBCheck's own command-line entry point and exits
 * with its status.  "warm" on the first line tells the caller the launcher worked.
 */
public class EpubCheckWarm {
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        out.println("warm");
        out.flush();
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        new EpubChecker().run(new String[] {"--quiet", args[0]});
        System.setOut(out);
        System.setErr(err);
        String path = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (path == null) {
            System.exit(2);  // the build ended without an EPUB to check
        }
        System.exit(new EpubChecker().run(new String[] {"--quiet", path}));
    }
}
