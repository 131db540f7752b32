package org.l2o4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.run.AtomicFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code l2o export}: one problem as JSON, so that another tool can check or reuse it. */
@Command(name = "export", description = "Write one problem (formula, data, labels, regularization, initial point) "
        + "as JSON.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private FamilyOptions family;

    @Option(names = "--split", defaultValue = "test", description = "split (default: ${DEFAULT-VALUE})")
    private String split;

    @Option(names = "--index", defaultValue = "0", description = "function index in the split "
            + "(default: ${DEFAULT-VALUE})")
    private int index;

    @Option(names = "--seed", defaultValue = "0", description = "experiment root seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    private Path out;

    @Override
    public Integer call() {
        ProblemFamily f = family.create();
        int size = f.split(split).size();
        if (index < 0 || index >= size) {
            throw new ConfigException("--index " + index + " is outside split '" + split + "' of family '"
                    + family.family + "', which has " + size + " functions (0.." + (size - 1) + ")");
        }
        Problem p = f.problems(split, seed).get(index);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("family", family.family);
        doc.put("familyConfig", f.config());
        doc.put("split", split);
        doc.put("index", index);
        doc.put("seed", seed);
        doc.put("problem", p.export());
        String json = Configs.toJson(doc);
        if (out == null) {
            spec.commandLine().getOut().println(json);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.writeString(out, json + "\n");
            spec.commandLine().getErr().println("wrote " + out.toAbsolutePath());
        }
        return 0;
    }
}
