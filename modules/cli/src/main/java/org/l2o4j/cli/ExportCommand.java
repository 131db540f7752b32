package org.l2o4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.eval.experiment.ExperimentSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code l2o export}: one problem as JSON, so that another tool can check or reuse it. With {@code --experiment} it is
 * that experiment's function (its family settings and seed); with {@code --family} the seed defaults to 20160606, the
 * seed of the Li & Malik experiments.
 */
@Command(name = "export", description = "Write one problem (formula, data, labels, regularization, initial point) "
        + "as JSON: function INDEX of an experiment's split (--experiment: its family settings and seed), or of a "
        + "family's (--family, with --seed, default 20160606: the seed of the li-malik-* experiments).")
final class ExportCommand implements Callable<Integer> {

    /** The root seed of the Li & Malik experiments, the default with {@code --family}. */
    static final long LI_MALIK_SEED = 20160606L;

    @Spec
    private CommandSpec spec;

    @Option(names = "--experiment", paramLabel = "EXPERIMENT", description = "export a function of this comparison "
            + "experiment, with its family settings and seed (l2o list experiments)")
    private String experiment;

    @Option(names = "--family", paramLabel = "NAME", description = "export a function of this family (l2o list)")
    private String family;

    @Option(names = "--family-config", paramLabel = "KEY=VALUE", description = "a family setting over its default "
            + "(with --family)")
    private Map<String, String> config = new LinkedHashMap<>();

    @Option(names = "--split", description = "split (default: the experiment's test split, or test)")
    private String split;

    @Option(names = "--index", defaultValue = "0", description = "function index in the split "
            + "(default: ${DEFAULT-VALUE})")
    private int index;

    @Option(names = "--seed", description = "experiment root seed (default: the experiment's, or 20160606 with "
            + "--family)")
    private Long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    private Path out;

    @Override
    public Integer call() {
        if ((experiment == null) == (family == null)) {
            throw new ConfigException("name either --experiment (a function of that experiment) or --family, not "
                    + (experiment == null ? "neither" : "both"));
        }
        String familyName;
        Map<String, Object> familyConfig;
        long rootSeed;
        String splitName;
        if (experiment != null) {
            if (!config.isEmpty()) {
                throw new ConfigException("--family-config goes with --family; an experiment's family settings are "
                        + "its own");
            }
            ExperimentSpec e = Experiments.read(Experiments.locate(experiment), java.util.List.of());
            familyName = e.family();
            familyConfig = e.familyConfig();
            rootSeed = seed != null ? seed : e.seed();
            splitName = split != null ? split : e.testSplit();
        } else {
            familyName = family;
            familyConfig = Experiments.parseValues(config);
            rootSeed = seed != null ? seed : LI_MALIK_SEED;
            splitName = split != null ? split : "test";
        }
        ProblemFamily f = Catalog.family(familyName, familyConfig);
        int size = f.split(splitName).size();
        if (index < 0 || index >= size) {
            throw new ConfigException("--index " + index + " is outside split '" + splitName + "' of family '"
                    + familyName + "', which has " + size + " functions (0.." + (size - 1) + ")");
        }
        Problem p = f.problems(splitName, rootSeed).get(index);
        Map<String, Object> doc = new LinkedHashMap<>();
        if (experiment != null) {
            doc.put("experiment", experiment);
        }
        doc.put("family", familyName);
        doc.put("familyConfig", f.config());
        doc.put("split", splitName);
        doc.put("index", index);
        doc.put("seed", rootSeed);
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
