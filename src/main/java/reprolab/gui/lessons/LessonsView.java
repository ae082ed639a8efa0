package reprolab.gui.lessons;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import reprolab.lesson.Lesson;

import java.io.File;
import java.util.Optional;
import java.util.function.Supplier;

/** The Lessons menu, the lesson's text beside the controls, and the floating-point order demo window. */
public final class LessonsView {

    private final LessonsViewModel vm;
    private final Supplier<Window> owner;
    private final VBox panel = new VBox(6);

    public LessonsView(LessonsViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
        buildPanel();
    }

    /** Shipped lessons (unavailable ones disabled, with the reason), open a file, save as lesson, the demo. */
    public Menu menu() {
        Menu menu = new Menu("Lessons");
        menu.setId("lessonsMenu");
        for (LessonsViewModel.Entry entry : vm.shipped()) {
            MenuItem item = new MenuItem(entry.lesson().title()
                    + entry.unavailable().map(r -> "  (unavailable: no GPU)").orElse(""));
            item.setId("lesson-" + entry.lesson().id());
            item.setDisable(entry.unavailable().isPresent());
            item.setOnAction(e -> vm.open(entry.lesson()));
            menu.getItems().add(item);
        }
        MenuItem openFile = new MenuItem("Open lesson file…");
        openFile.setOnAction(e -> chooseLessonFile());
        MenuItem save = new MenuItem("Save as lesson…");
        save.setOnAction(e -> saveAsLesson());
        MenuItem leave = new MenuItem("Leave the lesson (show every setting)");
        leave.disableProperty().bind(vm.currentProperty().isNull());
        leave.setOnAction(e -> vm.close());
        MenuItem demo = new MenuItem("Floating-point order demo…");
        demo.setId("floatDemoItem");
        demo.setOnAction(e -> showFloatDemo());
        menu.getItems().addAll(new SeparatorMenuItem(), openFile, save, leave, new SeparatorMenuItem(), demo);
        return menu;
    }

    /** The open lesson's title and text; takes no room while no lesson is open. */
    public VBox panel() {
        return panel;
    }

    private void buildPanel() {
        Label title = new Label();
        title.setId("lessonTitle");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        Label text = new Label();
        text.setId("lessonText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Button leave = new Button("Leave lesson");
        leave.setOnAction(e -> vm.close());
        HBox head = new HBox(8, title, new Region(), leave);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        panel.getChildren().addAll(head, text);
        panel.getStyleClass().add("lesson-box");
        panel.visibleProperty().bind(vm.currentProperty().isNotNull());
        panel.managedProperty().bind(panel.visibleProperty());
        vm.currentProperty().addListener((obs, was, now) -> {
            title.setText(now == null ? "" : now.title());
            text.setText(now == null ? "" : now.text());
        });
    }

    private void chooseLessonFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lesson files", "*.json"));
        File f = chooser.showOpenDialog(owner.get());
        if (f != null) {
            vm.openFile(f.toPath());
        }
    }

    private void saveAsLesson() {
        Optional<String[]> titleAndText = askTitleAndText();
        if (titleAndText.isEmpty()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the lesson file");
        File dir = chooser.showDialog(owner.get());
        if (dir != null) {
            vm.saveAs(titleAndText.get()[0], titleAndText.get()[1], dir.toPath());
        }
    }

    private Optional<String[]> askTitleAndText() {
        Lesson open = vm.currentProperty().get();
        TextField title = new TextField(open == null ? "" : open.title() + " (my version)");
        TextArea text = new TextArea(open == null ? "" : open.text());
        text.setWrapText(true);
        text.setPrefRowCount(6);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Title"), title);
        grid.addRow(1, new Label("Text for students"), text);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Save as lesson");
        dialog.setHeaderText("The current settings become the lesson's settings.");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.initOwner(owner.get());
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> new String[]{title.getText(), text.getText()});
    }

    private void showFloatDemo() {
        TextArea out = new TextArea("Computing: 100,000,000 multiplications and a million-float sum in several orders…");
        out.setId("floatDemoText");
        out.setEditable(false);
        out.setStyle("-fx-font-family: monospace;");
        VBox.setVgrow(out, Priority.ALWAYS);
        Label intro = new Label("The same arithmetic in a different order gives different last bits. "
                + "Threads and GPUs choose the order, so they choose the bits.");
        intro.setWrapText(true);
        VBox box = new VBox(8, intro, out);
        box.setPadding(new Insets(10));
        Stage stage = new Stage();
        stage.setTitle("Floating-point order");
        stage.initOwner(owner.get());
        stage.setScene(new Scene(box, 820, 560));
        Runnable show = () -> {
            if (vm.floatDemoProperty().get() != null) {
                out.setText(vm.floatDemoProperty().get().render());
            }
        };
        vm.floatDemoProperty().addListener((obs, was, now) -> show.run());
        show.run();
        vm.runFloatDemo();
        stage.show();
    }
}
