package org.l2o4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.engine.EngineProvider;
import org.l2o4j.core.engine.Engines;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingHeader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code l2o list}: the registered families, optimizers and trainers, and the experiment files. */
@Command(name = "list", description = "List problem families, optimizers, trainers and experiments.")
final class ListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "WHAT", description = "families, optimizers, trainers, engines or "
            + "experiments (default: all)")
    private String what;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (what != null && !List.of("families", "optimizers", "trainers", "engines", "experiments").contains(what)) {
            throw new ConfigException("cannot list '" + what + "'; choose families, optimizers, trainers, engines or "
                    + "experiments");
        }
        if (what == null || what.equals("families")) {
            out.println("Problem families:");
            for (ProblemFamilyProvider p : Catalog.families().values()) {
                out.printf("  %-26s %s%n", p.name(), p.description());
            }
        }
        if (what == null || what.equals("optimizers")) {
            out.println("Optimizers:");
            for (OptimizerProvider p : Catalog.optimizers().values()) {
                out.printf("  %-26s %s%n", p.name(), p.description());
            }
        }
        if (what == null || what.equals("trainers")) {
            out.println("Trainers (the 'kind' of a training file; resumable: the keys a resume may change):");
            for (TrainerProvider p : Catalog.trainers().values()) {
                out.printf("  %-26s %s; resumable: %s%n", p.kind(), p.description(),
                        new TreeSet<>(p.resumableKeys()));
            }
        }
        if (what == null || what.equals("engines")) {
            out.println("Engines (--engine; spark is on the class path of ./l2o only for a command that names it):");
            for (EngineProvider p : Engines.providers()) {
                out.printf("  %-26s %s%n", p.name(), p.description());
            }
        }
        if (what == null || what.equals("experiments")) {
            out.println("Experiments (" + Experiments.folder() + "):");
            for (Path f : experimentFiles()) {
                Map<String, Object> raw = Experiments.readRaw(f, List.of());
                String description = BoundTraining.isTraining(raw)
                        ? "[l2o train] " + TrainingHeader.split(raw, "experiment file " + f).header().description()
                        : Experiments.read(f, List.of()).description();
                out.printf("  %-26s %s%n", Experiments.nameOf(f), description);
            }
        }
        out.flush();
        return 0;
    }

    private static List<Path> experimentFiles() {
        Path dir = Experiments.folder();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
