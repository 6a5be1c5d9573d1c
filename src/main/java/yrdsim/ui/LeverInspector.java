package yrdsim.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import javax.swing.JButton;
import javax.swing.JPanel;
import sim.portrayal.Inspector;

/**
 * The Model tab: the levers' inspector with a "Save scenario…" button above it. MASON builds
 * the tab from whatever inspector the GUIState returns, so wrapping adds the button without
 * touching the Console.
 */
final class LeverInspector extends Inspector {

    private static final long serialVersionUID = 1L;

    private final Inspector levers;

    LeverInspector(Inspector levers, Runnable save) {
        this.levers = levers;
        setLayout(new BorderLayout());
        JButton button = new JButton("Save scenario\u2026");
        button.setToolTipText("Write the scenario with every lever change made so far, for 'yrdsim run'");
        button.addActionListener(e -> save.run());
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(button);
        add(top, BorderLayout.NORTH);
        add(levers, BorderLayout.CENTER);
        setVolatile(true);
    }

    @Override
    public void updateInspector() {
        levers.updateInspector();
    }
}
