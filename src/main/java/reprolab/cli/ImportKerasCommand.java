package reprolab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import reprolab.experiment.KerasImport;
import reprolab.experiment.SpecJson;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code reprolab import-keras model.json > experiment.json}: a Keras Sequential model as an experiment. */
@Command(name = "import-keras", mixinStandardHelpOptions = true,
        description = {"Print an experiment file with a custom model made from a Keras Sequential model's JSON "
                + "(model.to_json(), Keras 2 or 3). Notes on how it was mapped go to stderr.",
                "Supported: InputLayer, Conv2D, MaxPooling2D, AveragePooling2D, Dropout, BatchNormalization, Flatten, "
                        + "Dense, Activation."})
final class ImportKerasCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "the text of model.to_json()")
    Path model;

    @Override
    public Integer call() throws Exception {
        KerasImport.Result result = KerasImport.read(model);
        for (String note : result.notes()) {
            System.err.println("reprolab: note: " + note);
        }
        System.out.println(SpecJson.write(result.spec()));
        return Main.EXIT_OK;
    }
}
