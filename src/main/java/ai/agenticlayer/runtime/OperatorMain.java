package ai.agenticlayer.runtime;

import java.util.Arrays;

import ai.agenticlayer.runtime.render.RenderCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * One binary, two uses: with no arguments the operator; {@code render ...} prints what the operator would create for
 * given files and exits, without starting the operator or reaching for a cluster.
 */
@QuarkusMain
public class OperatorMain {

    public static void main(String... args) {
        // the native image's entrypoint passes -D system properties first
        int command = 0;
        while (command < args.length && args[command].startsWith("-D")) {
            command++;
        }
        if (command < args.length && args[command].equals("render")) {
            System.exit(RenderCommand.run(Arrays.asList(args).subList(command + 1, args.length), System.in, System.out, System.err));
        }
        Quarkus.run(args);
    }
}
